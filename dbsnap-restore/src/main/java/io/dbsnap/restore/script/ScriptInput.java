package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The script's bytes through one fixed buffer. The lexer and the COPY data stream read
 * {@link #buf} between {@link #pos} and {@link #limit} themselves (a method call per byte would
 * cost more than the lexing) and ask for more with {@link #fill()} or {@link #ensure(int)}.
 *
 * <p>Besides the buffer it keeps two things that must survive a refill: the line number, counted
 * lazily over the bytes already passed, and the bytes of the statement being read (the
 * "capture"), which may be longer than the buffer.
 */
final class ScriptInput implements Closeable {

    /** Statement buffers that grew past this are dropped after use, so one huge INSERT does not pin memory. */
    private static final int KEPT_CAPTURE_SIZE = 1 << 20;

    final byte[] buf;
    int pos;
    int limit;

    private final InputStream in;
    private boolean eof;

    private int line = 1;
    private int countedTo;

    private int captureFrom = -1;
    private byte[] captured = new byte[256];
    private int capturedLength;
    private int captureLine;
    /** The longest statement kept: an int indexes the bytes, and one too long must fail before it overflows. */
    private final int maxStatementBytes;

    ScriptInput(InputStream in, int bufferSize, int maxStatementBytes) {
        if (bufferSize < 4) {
            // The longest look-ahead is the COPY end marker "\.\r\n".
            throw new IllegalArgumentException("buffer size " + bufferSize + " is below 4 bytes");
        }
        if (maxStatementBytes < 1) {
            throw new IllegalArgumentException("a statement cap of " + maxStatementBytes + " bytes allows no statement");
        }
        this.in = in;
        this.buf = new byte[bufferSize];
        this.maxStatementBytes = maxStatementBytes;
    }

    /** Reads more bytes once {@link #pos} has reached {@link #limit}; false at the end of the input. */
    boolean fill() throws IOException {
        return ensure(1);
    }

    /**
     * Makes {@code n} bytes (at most the buffer's size) available from {@link #pos}, unless the
     * input ends first; false then. Bytes before {@link #pos} may be moved out of the buffer.
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        compact();
        while (limit < n) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
                return false;
            }
            limit += read;
        }
        return true;
    }

    /** The byte {@code ahead} places after {@link #pos} (0 to 3), or -1 past the end of the input. */
    int peek(int ahead) throws IOException {
        return ensure(ahead + 1) ? buf[pos + ahead] & 0xff : -1;
    }

    /** The 1-based line of the byte at {@link #pos}. */
    int line() {
        countLines(pos);
        return line;
    }

    /** Starts keeping the bytes from {@link #pos} on, as the text of the statement that starts on {@code line}. */
    void startCapture(int line) {
        captureFrom = pos;
        capturedLength = 0;
        captureLine = line;
    }

    /** Stops keeping bytes; returns those from {@link #startCapture()} up to {@link #pos}, valid until the next read. */
    ByteBuffer endCapture() {
        int from = captureFrom;
        captureFrom = -1;
        if (capturedLength == 0) {
            checkStatementSize(pos - from);
            return ByteBuffer.wrap(buf, from, pos - from);
        }
        append(from, pos);
        ByteBuffer text = ByteBuffer.wrap(captured, 0, capturedLength);
        if (captured.length > KEPT_CAPTURE_SIZE) {
            captured = new byte[256];
        }
        return text;
    }

    /** Skips a UTF-8 byte order mark at the very start, which some editors write and PostgreSQL would reject. */
    void skipByteOrderMark() throws IOException {
        if (peek(0) == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF) {
            pos += 3;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Moves the unread bytes to the front of the buffer, first saving what the bytes before them still mean. */
    private void compact() {
        countLines(pos);
        if (captureFrom >= 0) {
            append(captureFrom, pos);
            captureFrom = 0;
        }
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        pos = 0;
        limit = remaining;
        countedTo = 0;
    }

    private void countLines(int to) {
        byte[] b = buf;
        int lines = 0;
        for (int i = countedTo; i < to; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        line += lines;
        countedTo = to;
    }

    private void append(int from, int to) {
        int length = to - from;
        checkStatementSize((long) capturedLength + length);
        if (capturedLength + length > captured.length) {
            long grown = Math.max(2L * captured.length, (long) capturedLength + length);
            captured = Arrays.copyOf(captured, (int) Math.min(grown, maxStatementBytes));
        }
        System.arraycopy(buf, from, captured, capturedLength, length);
        capturedLength += length;
    }

    private void checkStatementSize(long length) {
        if (length > maxStatementBytes) {
            captureFrom = -1;
            captured = new byte[256];
            capturedLength = 0;
            throw new ScriptSyntaxException(captureLine, "the statement that starts on this line is longer than "
                    + maxStatementBytes + " bytes, the most dbsnap reads as one statement (table rows in a COPY block"
                    + " have no such limit). The file is damaged (a quote or a dollar quote left open swallows the rest"
                    + " of it), or the statement must be split: load large values with COPY.");
        }
    }
}
