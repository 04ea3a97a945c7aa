package io.dbsnap.store;

import java.nio.file.Path;

/** A snapshot found in a store's directory. */
public record StoredSnapshot(SnapshotName name, Path sqlFile, long sizeBytes) {
}
