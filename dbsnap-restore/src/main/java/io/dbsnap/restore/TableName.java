package io.dbsnap.restore;

import io.dbsnap.errors.SnapshotCorruptException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table's {@code schema.name} read from a file (a snapshot's metadata, a COPY statement), taken
 * apart into its two identifiers so that it can be put into SQL quoted by us, never as the text
 * the file held: a metadata file is covered by no checksum, and a "table" named
 * {@code x; DROP TABLE y} must not reach the server as SQL.
 *
 * @param schema the schema, unquoted
 * @param name   the table, unquoted
 */
record TableName(String schema, String name) {

    /**
     * Reads {@code schema.name} as PostgreSQL does: each part a plain identifier (folded to lower
     * case) or a double-quoted one ({@code ""} inside for a quote).
     *
     * @return empty when the text is not exactly two such parts separated by a dot
     */
    static Optional<TableName> parse(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            part.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        part.append(c);
                    }
                }
                if (!closed || part.isEmpty()) {
                    return Optional.empty();
                }
            } else {
                while (i < text.length() && isPlain(text.charAt(i), part.isEmpty())) {
                    part.append(text.charAt(i++));
                }
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(foldAscii(part.toString()));
                part = null;
            }
            if (part != null) {
                parts.add(part.toString());
            }
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) != '.') {
                return Optional.empty();
            }
            i++;
        }
        return parts.size() == 2 ? Optional.of(new TableName(parts.get(0), parts.get(1))) : Optional.empty();
    }

    /**
     * @throws SnapshotCorruptException when a snapshot's metadata names a table that is no {@code schema.name}
     */
    static TableName fromMetadata(String text, Object metadataFile) {
        return parse(text).orElseThrow(() -> new SnapshotCorruptException("The metadata file " + metadataFile
                + " names a table '" + abbreviate(text) + "', which is not a schema-qualified table name: the file was "
                + "edited or damaged. Nothing was changed; restore the file from a copy, or take a new snapshot."));
    }

    /** As PostgreSQL folds an unquoted identifier in a UTF-8 database: A to Z only. */
    private static String foldAscii(String identifier) {
        StringBuilder folded = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    /** As SQL: both parts always double-quoted, so that no text from a file is read as SQL. */
    String sql() {
        return quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Letters (any alphabet), digits, {@code _} and {@code $}, as PostgreSQL's lexer takes unquoted. */
    private static boolean isPlain(char c, boolean first) {
        if (c == '_' || Character.isLetter(c) || c >= 0x80) {
            return true;
        }
        return !first && (Character.isDigit(c) || c == '$');
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
