package io.dbsnap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a plain SQL data dump, table by table, read as a stream: each {@code COPY ... FROM
 * stdin;} block's row count and a digest of its lines that does not depend on their order (the
 * sum of each line's first 8 MD5 bytes), since two dumps of the same table may list its rows in
 * another physical order. Both dbsnap and pg_dump write COPY's text format, so the same rows give
 * the same digest in either file. No dbsnap code: it judges dbsnap's output.
 */
final class CopyBlocks {

    private static final String END_OF_DATA = "\\.";

    /** One table's rows in a dump. */
    record Rows(long count, long digest) {
    }

    private CopyBlocks() {
    }

    /** The rows of each table in {@code dump}, by the name its COPY statement gives. */
    static Map<String, Rows> of(Path dump) throws IOException {
        Map<String, Rows> tables = new TreeMap<>();
        MessageDigest md5 = md5();
        try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("COPY ") || !line.endsWith(" FROM stdin;")) {
                    continue;
                }
                String table = tableOf(line);
                long count = 0;
                long digest = 0;
                while (true) {
                    String row = in.readLine();
                    if (row == null) {
                        throw new IllegalStateException(dump + ": the COPY block of " + table + " has no end marker (\\.)"
                                + " after " + count + " rows: the file is truncated");
                    }
                    if (row.equals(END_OF_DATA)) {
                        break;
                    }
                    count++;
                    digest += firstEightBytes(md5.digest(row.getBytes(StandardCharsets.UTF_8)));
                }
                Rows previous = tables.put(table, new Rows(count, digest));
                if (previous != null) {
                    throw new IllegalStateException(dump + " copies the rows of " + table + " twice");
                }
            }
        }
        return tables;
    }

    /** {@code COPY public.events (id, at) FROM stdin;} names {@code public.events}. */
    private static String tableOf(String copyLine) {
        String rest = copyLine.substring("COPY ".length(), copyLine.length() - " FROM stdin;".length());
        int columns = rest.indexOf(" (");
        return columns < 0 ? rest : rest.substring(0, columns);
    }

    private static long firstEightBytes(byte[] hash) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }
}
