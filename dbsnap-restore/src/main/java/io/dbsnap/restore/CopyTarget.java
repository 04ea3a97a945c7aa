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
                // a quoted part ends at a quote that is not doubled
                i++;
                while (i < copy.length() && !(copy.charAt(i) == '"' && (i + 1 >= copy.length() || copy.charAt(i + 1) != '"'))) {
                    i += copy.charAt(i) == '"' ? 2 : 1;
                }
                i++;
            } else if (Character.isWhitespace(c) || c == '(') {
                break;
            } else {
                i++;
            }
        }
        return copy.substring(start, Math.min(i, copy.length()));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
