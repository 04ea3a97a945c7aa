package io.dbsnap.restore.script;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A script with two large COPY blocks made on the fly, never held in memory or written to disk:
 * {@code COPY t FROM stdin;}, a block of rows repeated, {@code \.}, the same again for
 * {@code u}, then {@code SELECT 1;}. Reads come in uneven sizes, so that the reader's buffer
 * edges fall everywhere in the rows.
 */
final class GeneratedCopyScript extends InputStream {

    /** About 64 KiB of rows in COPY text format, some starting with a backslash that is no end marker. */
    static final byte[] BLOCK = block();
    static final int ROWS_PER_BLOCK = count(BLOCK, (byte) '\n');

    private final byte[][] parts;
    private final long[] repeats;
    private int part;
    private long repeat;
    private int offset;
    private int readNumber;

    GeneratedCopyScript(long firstBlocks, long secondBlocks) {
        parts = new byte[][] {bytes("COPY t FROM stdin;\n"), BLOCK, bytes("\\.\nCOPY u FROM stdin;\n"), BLOCK,
                bytes("\\.\nSELECT 1;\n")};
        repeats = new long[] {1, firstBlocks, 1, secondBlocks, 1};
    }

    /** The size of the first COPY's data. */
    static long dataBytes(long blocks) {
        return blocks * BLOCK.length;
    }

    /** The CRC-32 of the first COPY's data. */
    static long dataChecksum(long blocks) {
        CRC32 crc = new CRC32();
        for (long i = 0; i < blocks; i++) {
            crc.update(BLOCK);
        }
        return crc.getValue();
    }

    /** The line of the final SELECT. */
    static long lastLine(long firstBlocks, long secondBlocks) {
        return 1 + firstBlocks * ROWS_PER_BLOCK + 2 + secondBlocks * ROWS_PER_BLOCK + 1 + 1;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        while (part < parts.length && repeat == repeats[part]) {
            part++;
            repeat = 0;
        }
        if (part == parts.length) {
            return -1;
        }
        byte[] current = parts[part];
        // Uneven read sizes: 1 to 9 bytes now and then, else as much as asked.
        int wanted = ++readNumber % 5 == 0 ? 1 + readNumber % 9 : len;
        int n = Math.min(Math.min(len, wanted), current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        if (offset == current.length) {
            offset = 0;
            repeat++;
        }
        return n;
    }

    private static byte[] block() {
        StringBuilder rows = new StringBuilder();
        int i = 0;
        while (rows.length() < 64 * 1024 - 200) {
            rows.append(switch (i % 5) {
                case 0 -> i + "\tplain text ä€ with a tab\\tescape and a backslash \\\\ here\n";
                case 1 -> "\\N\t" + i + "\n";
                case 2 -> "\\\\.\t" + i + "\r\n";
                case 3 -> "\\.x" + i + "\t;'\"$$--/*\n";
                default -> i + "\t" + "x".repeat(i % 97) + "\n";
            });
            i++;
        }
        return bytes(rows.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int count(byte[] bytes, byte b) {
        int n = 0;
        for (byte x : bytes) {
            if (x == b) {
                n++;
            }
        }
        return n;
    }
}
