package io.dbsnap.restore;

/**
 * The table a {@code COPY ... FROM stdin} statement loads, as written in it: {@code schema.name}
 * with the quotes it has, so that it can be matched with a snapshot's per-table row counts.
 */
final class CopyTarget {

    private CopyTarget() {
    }

    /** @param copy a statement starting with {@code COPY} and a (possibly quoted, qualified) table name */
    static String tableOf(String copy) {
        int i = skipSpace(copy, "COPY".length());
        int start = i;
        while (i < copy.length()) {
            char c = copy.charAt(i);
            if (c == '"') {
                i = closingQuote(copy, i) + 1;
            } else if (Character.isWhitespace(c) || c == '(') {
                break;
            } else {
                i++;
            }
        }
        return copy.substring(start, Math.min(i, copy.length()));
    }

    /** Where the quoted identifier opened at {@code open} ends; a doubled quote is part of it. */
    private static int closingQuote(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return s.length();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
