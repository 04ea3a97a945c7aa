package io.dbsnap.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot's SQL and says what it wrote.
 *
 * <p>The stream is buffered and, for {@link Compression#GZIP}, compresses what goes through it.
 * Flush any {@link java.io.Writer} wrapped around it before returning; closing the stream (or such
 * a writer) only flushes it, the store finishes and closes the file itself.
 */
@FunctionalInterface
public interface SnapshotContent {

    /**
     * @return what was written, for the snapshot's metadata
     * @throws IOException when writing fails; the store then adds nothing to its directory
     */
    SnapshotFacts writeTo(OutputStream out) throws IOException;
}
