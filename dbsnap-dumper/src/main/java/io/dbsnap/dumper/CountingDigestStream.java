package io.dbsnap.dumper;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes COPY text through while counting its rows (each ends with a newline; a newline inside
 * a value is written as {@code \n}) and hashing it with SHA-256.
 */
final class CountingDigestStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long rows;

    CountingDigestStream(OutputStream out) {
        super(out);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                rows++;
            }
        }
        digest.update(bytes, offset, length);
        out.write(bytes, offset, length);
    }

    /** Leaves the underlying stream open: the script goes on after the table. */
    @Override
    public void close() {
    }

    long rows() {
        return rows;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
