package io.dbsnap.store;

import java.nio.file.Path;
import java.util.List;

/** A snapshot found in a store's directory: its SQL file ({@code .sql} or {@code .sql.gz}) and its size on disk. */
public record StoredSnapshot(SnapshotName name, Path sqlFile, long sizeBytes) {

    /** The end of the name of a migration's diff in Markdown, written beside the snapshot after it. */
    public static final String DIFF_MARKDOWN = "_diff.md";
    /** The end of the name of a migration's unified DDL diff, written beside the snapshot after it. */
    public static final String DIFF_PATCH = "_diff.patch";
    /** The end of the name of a migration's down migration (back to the state before it), beside the snapshot after it. */
    public static final String DOWN_MIGRATION = "_down.sql";
    /** What may be written beside a snapshot, and goes when it goes. */
    static final List<String> ATTACHMENTS = List.of(DIFF_MARKDOWN, DIFF_PATCH, DOWN_MIGRATION);

    /** Whether the SQL file is gzip-compressed, as its name ({@code .sql.gz}) says. */
    public boolean compressed() {
        return sqlFile.getFileName().toString().endsWith(Compression.GZIP.sqlSuffix());
    }

    /** The {@code .catalog.json} file beside the SQL file (absent when the content gave no catalog). */
    public Path catalogFile() {
        return sqlFile.resolveSibling(name.catalogFileName());
    }

    /** A file written beside this snapshot, such as {@code {name}_diff.md} for {@link #DIFF_MARKDOWN}. */
    public Path attachment(String suffix) {
        if (!ATTACHMENTS.contains(suffix)) {
            throw new IllegalArgumentException("No attachment ends with " + suffix + "; those known: " + ATTACHMENTS);
        }
        return sqlFile.resolveSibling(name.baseName() + suffix);
    }

    /** The {@code .meta.yaml} file beside the SQL file. */
    public Path metadataFile() {
        return sqlFile.resolveSibling(name.metadataFileName());
    }
}
