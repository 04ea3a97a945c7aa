package io.dbsnap.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One object being written from a stream, with bounded memory (the part being sent, not the
 * object). It appears under its name only by {@link #commit()}; {@link #abort()} (also called by
 * {@link #close()} when it was not committed) leaves nothing behind.
 */
public interface ObjectUpload extends AutoCloseable {

    /** Where the content goes; closing it does not commit. */
    OutputStream stream();

    /** Sends what is left and makes the object appear, complete. */
    void commit() throws IOException;

    /** Throws away what was sent; idempotent, and a no-op after {@link #commit()}. */
    void abort() throws IOException;

    /** Aborts unless committed. */
    @Override
    void close() throws IOException;
}
