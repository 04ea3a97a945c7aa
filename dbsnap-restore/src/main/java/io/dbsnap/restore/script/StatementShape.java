package io.dbsnap.restore.script;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the words of the statement being read say about where it ends: parentheses, the
 * {@code BEGIN ATOMIC ... END} body of a SQL-standard function (whose semicolons do not end the
 * statement), and whether it is a {@code COPY ... FROM stdin}.
 *
 * <p>This follows psql's {@code psqlscan.l}: only unquoted words outside parentheses count; a
 * statement that starts with {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} counts
 * {@code BEGIN}/{@code CASE} against {@code END}. One deliberate difference: psql counts every
 * {@code BEGIN}, so {@code CREATE FUNCTION public.begin() ...} (pg_dump leaves the unreserved
 * keyword {@code begin} unquoted) swallows the rest of the file in psql; here only
 * {@code BEGIN ATOMIC} opens a body, the one form PostgreSQL 14+ accepts there.
 *
 * <p>Words arrive as codes from {@link #code(long, int, int)}: up to 12 letters packed in a long,
 * so that a word split across two buffer fills needs no copying.
 */
final class StatementShape {

    /** The code of a word that cannot be a keyword of interest (not only letters, or too long). */
    static final long NOT_A_KEYWORD = -1;

    private static final int MAX_KEYWORD_LENGTH = 12;

    private static final long CREATE = code("create");
    private static final long OR = code("or");
    private static final long REPLACE = code("replace");
    private static final long FUNCTION = code("function");
    private static final long PROCEDURE = code("procedure");
    private static final long BEGIN = code("begin");
    private static final long ATOMIC = code("atomic");
    private static final long CASE = code("case");
    private static final long END = code("end");
    private static final long COPY = code("copy");
    private static final long FROM = code("from");
    private static final long STDIN = code("stdin");
    // The grammar takes COPY ... FROM STDOUT as a copy from the client too.
    private static final long STDOUT = code("stdout");

    private enum Copy { UNDECIDED, AFTER_FROM, FROM_STDIN, NOT_FROM_STDIN }

    private int parenDepth;
    private int beginDepth;
    private int words;
    private final long[] firstWords = new long[4];
    private boolean createRoutine;
    private boolean afterBegin;
    private boolean copyStatement;
    private Copy copy = Copy.UNDECIDED;

    /** Adds one byte of a word to its code; {@code length} is the number of bytes before it. */
    static long code(long code, int length, int b) {
        int lower = b | 0x20;
        if (code < 0 || length >= MAX_KEYWORD_LENGTH || lower < 'a' || lower > 'z') {
            return NOT_A_KEYWORD;
        }
        return code << 5 | (lower - 'a' + 1);
    }

    private static long code(String word) {
        long code = 0;
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            code = code(code, i, lower.charAt(i));
        }
        return code;
    }

    void reset() {
        parenDepth = 0;
        beginDepth = 0;
        words = 0;
        Arrays.fill(firstWords, 0);
        createRoutine = false;
        afterBegin = false;
        copyStatement = false;
        copy = Copy.UNDECIDED;
    }

    void openParenthesis() {
        parenDepth++;
        afterBegin = false;
    }

    void closeParenthesis() {
        if (parenDepth > 0) {
            parenDepth--;
        }
        afterBegin = false;
    }

    /** Any token that is not an unquoted word: a string, a quoted identifier, an operator, a number. */
    void symbol() {
        afterBegin = false;
    }

    /** An unquoted word (identifier or keyword), by its {@link #code(long, int, int) code}. */
    void word(long code) {
        if (parenDepth > 0) {
            return;
        }
        if (words < firstWords.length) {
            firstWords[words] = code;
            createRoutine = isCreateRoutine();
        }
        words++;
        trackCopy(code);
        if (createRoutine) {
            trackBody(code);
        }
    }

    /** Whether a semicolon here ends the statement. */
    boolean atTopLevel() {
        return parenDepth == 0 && beginDepth == 0;
    }

    boolean isCopyFromStdin() {
        return copy == Copy.FROM_STDIN;
    }

    private boolean isCreateRoutine() {
        long[] w = firstWords;
        return w[0] == CREATE
                && (isRoutine(w[1]) || w[1] == OR && w[2] == REPLACE && isRoutine(w[3]));
    }

    private static boolean isRoutine(long code) {
        return code == FUNCTION || code == PROCEDURE;
    }

    private void trackCopy(long code) {
        if (words == 1) {
            copyStatement = code == COPY;
        } else if (copyStatement && copy == Copy.UNDECIDED && code == FROM) {
            copy = Copy.AFTER_FROM;
        } else if (copy == Copy.AFTER_FROM) {
            copy = code == STDIN || code == STDOUT ? Copy.FROM_STDIN : Copy.NOT_FROM_STDIN;
        }
    }

    private void trackBody(long code) {
        if (afterBegin) {
            afterBegin = false;
            if (code == ATOMIC) {
                beginDepth++;
                return;
            }
        }
        if (code == BEGIN) {
            afterBegin = true;
        } else if (code == CASE && beginDepth > 0) {
            // CASE ... END inside the body; outside one, END has nothing to close.
            beginDepth++;
        } else if (code == END && beginDepth > 0) {
            beginDepth--;
        }
    }
}
