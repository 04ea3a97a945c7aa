package io.dbsnap.diff;

/**
 * Compares SQL texts without regard to whitespace outside literals: {@code f( a,b )} and
 * {@code f(a, b)} are the same, {@code 'a  b'} and {@code 'a b'} are not.
 *
 * <p>The server already renders views, expressions and SQL-standard function bodies in one
 * normal form, so for those this changes nothing. It matters for what the server keeps as
 * written: the bodies of SQL and PL/pgSQL functions given as strings, where re-indenting a
 * function is no change.
 *
 * <p>A run of whitespace becomes one space between two word characters (letters, digits,
 * {@code _}, {@code $}, non-ASCII, and quotes, so that {@code E 'x'} stays apart from
 * {@code E'x'}) and between two operator characters (so that {@code - -1} does not become a
 * comment); a line break after a {@code --} comment stays one; elsewhere whitespace goes. String
 * literals (also {@code E'...'} and dollar-quoted ones), quoted identifiers and comments are kept
 * as they are.
 */
final class SqlWhitespace {

    private static final String OPERATOR_CHARACTERS = "+-*/<>=~!@#%^&|`?";

    private SqlWhitespace() {
    }

    /** Whether the two texts differ at most in whitespace outside literals. */
    static boolean same(String a, String b) {
        return a.equals(b) || normalize(a).equals(normalize(b));
    }

    /** The text with whitespace reduced as the class comment says. */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean whitespaceBefore = false;
        boolean afterLineComment = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                whitespaceBefore = true;
                i++;
                continue;
            }
            int end = tokenEnd(sql, i);
            if (whitespaceBefore && out.length() > 0) {
                char previous = out.charAt(out.length() - 1);
                if (afterLineComment) {
                    out.append('\n');
                } else if (isWordLike(previous) && isWordLike(c) || isOperator(previous) && isOperator(c)) {
                    out.append(' ');
                }
            }
            out.append(sql, i, end);
            afterLineComment = sql.startsWith("--", i);
            whitespaceBefore = false;
            i = end;
        }
        return out.toString();
    }

    /** Where the token starting at {@code start} ends: a literal, comment or word whole, anything else one character. */
    private static int tokenEnd(String sql, int start) {
        char c = sql.charAt(start);
        if (c == '\'') {
            return quotedEnd(sql, start, '\'', isEscapeStringPrefix(sql, start));
        }
        if (c == '"') {
            return quotedEnd(sql, start, '"', false);
        }
        if (c == '$' && !(start > 0 && isIdentifierPart(sql.charAt(start - 1)))) {
            int tagEnd = dollarTagEnd(sql, start);
            if (tagEnd > 0) {
                String tag = sql.substring(start, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                return close < 0 ? sql.length() : close + tag.length();
            }
        }
        if (sql.startsWith("--", start)) {
            int newline = sql.indexOf('\n', start);
            return newline < 0 ? sql.length() : newline;
        }
        if (sql.startsWith("/*", start)) {
            return blockCommentEnd(sql, start);
        }
        if (isIdentifierPart(c)) {
            int end = start + 1;
            while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                end++;
            }
            return end;
        }
        return start + 1;
    }

    /** {@code E'...'}: the quote follows a lone {@code E}, in which a backslash escapes a quote. */
    private static boolean isEscapeStringPrefix(String sql, int quote) {
        if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote == 1 || !isIdentifierPart(sql.charAt(quote - 2));
    }

    /**
     * The end of the quoted text at {@code start}: a doubled quote stands for itself, and with
     * {@code backslashEscapes} (E'...' strings) a backslash escapes the character after it.
     */
    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The end of a dollar-quote tag {@code $tag$} or {@code $$} at {@code start}, or -1 when there is none ({@code $1}). */
    private static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && sql.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= sql.length() || !(Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) > 127)) {
            return -1;
        }
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) > 127)) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isWordLike(char c) {
        return isIdentifierPart(c) || c == '\'' || c == '"';
    }

    private static boolean isOperator(char c) {
        return OPERATOR_CHARACTERS.indexOf(c) >= 0;
    }
}
