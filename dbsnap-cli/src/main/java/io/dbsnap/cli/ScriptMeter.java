package io.dbsnap.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Counts what streams through it of a SQL script, dbsnap's or pg_dump's, for a progress display:
 * bytes, the tables whose {@code COPY} block is complete, their rows, and the tables the script
 * creates (which is how many a dump will copy, give or take partitioned parents and tables whose
 * data is excluded). It watches the bytes go by and changes none, so the library needs no hook
 * inside its dump or restore loop.
 *
 * <p>One thread writes (the dump or restore), another reads (the display): the counters are
 * volatile, and a reader may see them a line apart, which a progress line does not mind.
 */
final class ScriptMeter {

    private static final int HEAD = 24;
    private static final byte[] COPY = ascii("COPY ");
    private static final byte[] CREATE_TABLE = ascii("CREATE TABLE ");
    private static final byte[] CREATE_UNLOGGED_TABLE = ascii("CREATE UNLOGGED TABLE ");

    private final LongSupplier nanoClock;
    /** {@link System#nanoTime()} when the first byte went through; -1 before. */
    private volatile long firstByteAt = -1;
    private volatile long bytes;
    private volatile long rows;
    private volatile int tablesDone;
    private volatile int tablesCreated;

    private final byte[] head = new byte[HEAD];
    private int lineLength;
    private boolean inCopy;

    ScriptMeter() {
        this(System::nanoTime);
    }

    /** A meter reading the time from {@code nanoClock}, as {@link System#nanoTime()} gives it. */
    ScriptMeter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    long bytes() {
        return bytes;
    }

    /**
     * How long bytes have been going through at {@code now} (a {@link System#nanoTime()}), from
     * the moment the first one did: the time a rate is measured over. Zero before the first byte.
     */
    Duration streaming(long now) {
        long first = firstByteAt;
        return first < 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, now - first));
    }

    long rows() {
        return rows;
    }

    int tablesDone() {
        return tablesDone;
    }

    int tablesCreated() {
        return tablesCreated;
    }

    /** {@code out}, with what is written to it counted here. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                scan(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                scan(b, off, len);
            }
        };
    }

    /** {@code in}, with what is read from it counted here. */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    scan(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    scan(b, off, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // skipped bytes are not seen: read them instead, so that no COPY line is missed
                byte[] buffer = new byte[(int) Math.min(n, 8192)];
                int read = read(buffer, 0, buffer.length);
                return Math.max(read, 0);
            }
        };
    }

    void scan(byte[] b, int off, int len) {
        if (firstByteAt < 0 && len > 0) {
            // here, as the byte passes: a display that noticed it at its next redraw (up to 15 s
            // later in a log) measured the rate over almost no time, a thousand times too high
            firstByteAt = nanoClock.getAsLong();
        }
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == '\n') {
                endLine();
            } else {
                if (lineLength < HEAD) {
                    head[lineLength] = c;
                }
                lineLength++;
            }
        }
        bytes += len;
    }

    private void endLine() {
        if (inCopy) {
            if (lineLength == 2 && head[0] == '\\' && head[1] == '.') {
                inCopy = false;
                tablesDone++;
            } else {
                rows++;
            }
        } else if (startsWith(COPY)) {
            inCopy = true;
        } else if (startsWith(CREATE_TABLE) || startsWith(CREATE_UNLOGGED_TABLE)) {
            tablesCreated++;
        }
        lineLength = 0;
    }

    private boolean startsWith(byte[] prefix) {
        if (lineLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
