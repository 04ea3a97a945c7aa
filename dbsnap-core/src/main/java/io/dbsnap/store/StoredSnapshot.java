package io.dbsnap.store;

import java.nio.file.Path;

/** A snapshot found in a store's directory: its SQL file ({@code .sql} or {@code .sql.gz}) and its size on disk. */
public record StoredSnapshot(SnapshotName name, Path sqlFile, long sizeBytes) {

    /** Whether the SQL file is gzip-compressed, as its name ({@code .sql.gz}) says. */
    public boolean compressed() {
        return sqlFile.getFileName().toString().endsWith(Compression.GZIP.sqlSuffix());
    }

    /** The {@code .catalog.json} file beside the SQL file (absent when the content gave no catalog). */
    public Path catalogFile() {
        return sqlFile.resolveSibling(name.catalogFileName());
    }

    /** The {@code .meta.yaml} file beside the SQL file. */
    public Path metadataFile() {
        return sqlFile.resolveSibling(name.metadataFileName());
    }
}
