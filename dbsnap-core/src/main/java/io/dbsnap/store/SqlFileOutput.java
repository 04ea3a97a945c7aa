package io.dbsnap.store;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The layers a snapshot's SQL goes through to its file: a 64 KiB buffer, gzip when asked for,
 * and a {@link ChecksummedOutputStream} that measures the bytes as stored.
 */
final class SqlFileOutput implements Closeable {

    static final int BUFFER_SIZE = 64 * 1024;

    /**
     * A snapshot is usually taken right before a migration, while someone waits for it: speed
     * matters more than size. The fastest level still shrinks SQL and COPY text several times.
     */
    static final int GZIP_LEVEL = Deflater.BEST_SPEED;

    /** What was stored: the file's size and SHA-256. */
    record Stored(long sizeBytes, String sha256) {
    }

    /** The file's channel, to sync it; null when the SQL goes to an {@link ObjectUpload}. */
    private final FileChannel channel;
    private final ChecksummedOutputStream stored;
    private final GzipOutput gzip;
    private final OutputStream buffered;

    SqlFileOutput(Path file, Compression compression) throws IOException {
        this(FileChannel.open(file, StandardOpenOption.WRITE), compression);
    }

    /** Into an object upload: nothing to sync, {@link ObjectUpload#commit()} makes it durable. */
    SqlFileOutput(ObjectUpload upload, Compression compression) throws IOException {
        this(null, upload.stream(), compression);
    }

    private SqlFileOutput(FileChannel channel, Compression compression) throws IOException {
        this(channel, Channels.newOutputStream(channel), compression);
    }

    private SqlFileOutput(FileChannel channel, OutputStream target, Compression compression) throws IOException {
        this.channel = channel;
        try {
            stored = new ChecksummedOutputStream(target);
            gzip = compression == Compression.GZIP ? new GzipOutput(stored) : null;
            buffered = new BufferedOutputStream(gzip != null ? gzip : stored, BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** The stream for the content: closing it only flushes, so that {@link #finish()} still can. */
    OutputStream stream() {
        return new FilterOutputStream(buffered) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes out what is buffered, ends the gzip stream and syncs the file to disk. */
    Stored finish() throws IOException {
        buffered.flush();
        if (gzip != null) {
            gzip.finish();
        }
        stored.flush();
        if (channel != null) {
            channel.force(true);
        }
        return new Stored(stored.byteCount(), stored.sha256());
    }

    @Override
    public void close() throws IOException {
        try {
            buffered.close();
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** GZIPOutputStream sets its level only through the protected deflater. */
    private static final class GzipOutput extends GZIPOutputStream {
        GzipOutput(OutputStream out) throws IOException {
            super(out, BUFFER_SIZE);
            def.setLevel(GZIP_LEVEL);
        }
    }
}
