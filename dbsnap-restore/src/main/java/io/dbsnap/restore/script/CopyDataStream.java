package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The rows of a {@code COPY ... FROM stdin}, read straight from the script's buffer: every byte
 * after the statement's line up to the line that is exactly {@code \.} (with {@code \n},
 * {@code \r\n} or the end of the file after it), which is consumed but not returned. In COPY's
 * text format a row cannot start with {@code \.} (a backslash in a value is written
 * {@code \\}), so that line is the end.
 *
 * <p>Reads fill the caller's array as far as they can, because pgjdbc sends one CopyData
 * message per read.
 */
final class CopyDataStream extends InputStream {

    private final ScriptInput in;
    private final int statementLine;
    private boolean atLineStart = true;
    private boolean ended;

    CopyDataStream(ScriptInput in, int statementLine) {
        this.in = in;
        this.statementLine = statementLine;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * @throws ScriptSyntaxException when the script ends before the {@code \.} line (unchecked,
     *     so that it passes through pgjdbc's {@code CopyManager} unchanged)
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : transfer(b, off, len);
    }

    /** Closing does nothing: the script goes on after the data, and the reader skips what is left. */
    @Override
    public void close() {
        // the reader owns the input
    }

    /** Reads past the end marker without handing the bytes to anyone. */
    void skipRest() throws IOException {
        while (transfer(null, 0, Integer.MAX_VALUE) >= 0) {
            // nothing to keep
        }
    }

    /** Moves up to {@code len} data bytes to {@code dst} (or nowhere, when null); -1 after the end marker. */
    private int transfer(byte[] dst, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        int done = 0;
        while (done < len) {
            if (in.pos == in.limit && !in.fill()) {
                throw new ScriptSyntaxException(statementLine, "the script ends inside the data of the COPY on this"
                        + " line, before the \\. line that ends it. The file is probably truncated.");
            }
            if (atLineStart && in.buf[in.pos] == '\\') {
                int marker = endMarkerLength();
                if (marker > 0) {
                    in.pos += marker;
                    ended = true;
                    return done > 0 ? done : -1;
                }
            }
            // The first byte is data; then stop before a backslash that starts a line, which may
            // be the end marker and needs look-ahead that this buffer may not hold.
            byte[] buf = in.buf;
            int start = in.pos;
            int end = start + Math.min(in.limit - start, len - done);
            int p = start;
            do {
                byte c = buf[p++];
                if (c == '\n' && p < end && buf[p] == '\\') {
                    break;
                }
            } while (p < end);
            int count = p - start;
            if (dst != null) {
                System.arraycopy(buf, start, dst, off + done, count);
            }
            in.pos = p;
            done += count;
            atLineStart = buf[p - 1] == '\n';
        }
        return done;
    }

    /** The length of the end marker at the current position (a backslash at a line start), or 0 if it is none. */
    private int endMarkerLength() throws IOException {
        if (in.peek(1) != '.') {
            return 0;
        }
        int third = in.peek(2);
        if (third < 0) {
            return 2;
        }
        if (third == '\n') {
            return 3;
        }
        if (third == '\r') {
            int fourth = in.peek(3);
            if (fourth < 0) {
                return 3;
            }
            if (fourth == '\n') {
                return 4;
            }
        }
        return 0;
    }
}
