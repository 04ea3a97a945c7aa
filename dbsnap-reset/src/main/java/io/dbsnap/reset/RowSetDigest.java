package io.dbsnap.reset;

import io.dbsnap.store.TableFacts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A table's rows as a count and a digest that does not depend on their order: the sum, modulo
 * 2^256, of each row's SHA-256 (over its COPY text line, newline included). Equal sets of rows
 * (duplicates counted) give equal digests in whatever order they come.
 *
 * <p>Why not the SHA-256 of the whole COPY text, as a snapshot's metadata records it: a fast
 * reset puts rows back after the others in a table's physical order, so the same rows come out
 * of {@code COPY} in another order, and the snapshot's checksum would call them changed. A sum of
 * row hashes is weaker than one hash of everything against someone who crafts rows to collide,
 * which a test's verification need not resist; it keeps nothing per row, so a table of any size
 * is digested in constant memory.
 */
final class RowSetDigest {

    private final MessageDigest sha256;
    /** The sum, as 32 bytes, most significant first. */
    private final byte[] sum = new byte[32];
    private long rows;

    RowSetDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds the row {@code bytes[from, from + length)}: one COPY text line with its newline. */
    void add(byte[] bytes, int from, int length) {
        sha256.update(bytes, from, length);
        byte[] hash = sha256.digest();
        int carry = 0;
        for (int i = sum.length - 1; i >= 0; i--) {
            int total = (sum[i] & 0xff) + (hash[i] & 0xff) + carry;
            sum[i] = (byte) total;
            carry = total >>> 8;
        }
        rows++;
    }

    /** The rows added so far as {@code table}'s facts; the digest stands where the metadata has its SHA-256. */
    TableFacts facts(String table) {
        return new TableFacts(table, rows, HexFormat.of().formatHex(sum));
    }
}
