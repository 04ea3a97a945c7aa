package io.dbsnap.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One table's rows as written into a snapshot.
 *
 * @param table  the table as {@code schema.table}, exactly as the caller gives it (a quoted SQL
 *               name such as {@code public."Order"})
 * @param rows   the number of rows
 * @param sha256 the SHA-256 of the table's COPY text, as 64 hex digits
 */
public record TableFacts(String table, long rows, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public TableFacts {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("A table needs a name");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("Table " + table + " cannot have " + rows + " rows");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("The SHA-256 of table " + table + " must be 64 hex digits, not '"
                    + sha256 + "'");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }
}
