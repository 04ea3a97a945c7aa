package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds where each statement of a script ends, with the lexical rules of PostgreSQL's
 * {@code scan.l} as psql's {@code psqlscan.l} applies them: a semicolon ends a statement unless
 * it stands in a quoted string or identifier, a dollar-quoted string, a comment, parentheses or
 * the body of a {@code BEGIN ATOMIC} function.
 *
 * <p>It works on bytes: every character that matters is ASCII, and in UTF-8 the bytes of other
 * characters are all 0x80 or above, which PostgreSQL takes as identifier letters. A statement's
 * bytes are decoded once, when it is complete.
 */
final class StatementLexer {

    /** How a quoted string treats backslashes and doubled quotes. */
    private static final int NO_STRING = 0;
    /** {@code '...'} with standard_conforming_strings on, and {@code U&'...'}: {@code ''} is a quote. */
    private static final int STANDARD = 1;
    /** {@code E'...'}, and {@code '...'} with standard_conforming_strings off: also {@code \'} and {@code \\}. */
    private static final int ESCAPE = 2;
    /** {@code B'...'} and {@code X'...'}: neither; a doubled quote ends the string and starts another. */
    private static final int BIT = 3;

    private static final char REPLACEMENT_CHARACTER = 0xFFFD;

    private static final byte WORD_START = 1;
    private static final byte WORD_PART = 2;
    private static final byte TAG_PART = 4;
    private static final byte[] CLASSES = classes();

    private final ScriptInput in;
    private final StatementShape shape = new StatementShape();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean standardStrings = true;
    private byte[] tag = new byte[16];
    private int tagLength;

    StatementLexer(ScriptInput in) {
        this.in = in;
    }

    private static byte[] classes() {
        byte[] classes = new byte[256];
        for (int b = 0; b < 256; b++) {
            boolean letter = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b >= 0x80;
            boolean digit = b >= '0' && b <= '9';
            classes[b] = (byte) ((letter ? WORD_START : 0)
                    | (letter || digit || b == '$' ? WORD_PART : 0)
                    | (letter || digit ? TAG_PART : 0));
        }
        return classes;
    }

    private static boolean is(byte b, byte charClass) {
        return (CLASSES[b & 0xff] & charClass) != 0;
    }

    /** For a byte from {@link ScriptInput#peek(int)}: -1 at the end of the input is of no class. */
    private static boolean is(int peeked, byte charClass) {
        return peeked >= 0 && (CLASSES[peeked] & charClass) != 0;
    }

    /**
     * Skips whitespace and comments; returns the next byte, not consumed, or -1 at the end of
     * the input.
     */
    int skipSpaceAndComments() throws IOException {
        while (true) {
            if (in.pos == in.limit && !in.fill()) {
                return -1;
            }
            byte b = in.buf[in.pos];
            if (isSpace(b)) {
                in.pos++;
            } else if (b == '-' && in.peek(1) == '-') {
                skipLineComment();
            } else if (b == '/' && in.peek(1) == '*') {
                skipBlockComment();
            } else {
                return b & 0xff;
            }
        }
    }

    /** Reads the SQL statement that starts at the current byte, through its semicolon. */
    ScriptStatement statement(int number) throws IOException {
        int line = in.line();
        in.startCapture(line);
        shape.reset();
        int lastString = NO_STRING;
        boolean newlineSinceString = false;
        while (true) {
            if (in.pos == in.limit && !in.fill()) {
                // psql sends what is left at the end of the file as a last statement.
                return finish(number, line, false);
            }
            byte b = in.buf[in.pos];
            int string = NO_STRING;
            switch (b) {
                case ' ', '\t', '\f', 0x0B -> {
                    in.pos++;
                    continue;
                }
                case '\n', '\r' -> {
                    in.pos++;
                    newlineSinceString = true;
                    continue;
                }
                case '-' -> {
                    if (in.peek(1) == '-') {
                        skipLineComment();
                        continue;
                    }
                    in.pos++;
                    shape.symbol();
                }
                case '/' -> {
                    if (in.peek(1) == '*') {
                        skipBlockComment();
                        lastString = NO_STRING;
                        continue;
                    }
                    in.pos++;
                    shape.symbol();
                }
                case '\'' -> {
                    // Quoted strings separated by whitespace with a newline are one string (SQL
                    // standard); the server keeps the first part's escape rules for the rest.
                    // psql lexes line by line and misses this, splitting inside such a string.
                    string = lastString != NO_STRING && newlineSinceString
                            ? lastString : standardStrings ? STANDARD : ESCAPE;
                    quoted((byte) '\'', string, 1);
                }
                case '"' -> quoted((byte) '"', STANDARD, 1);
                case '$' -> dollar();
                case '(' -> {
                    in.pos++;
                    shape.openParenthesis();
                }
                case ')' -> {
                    in.pos++;
                    shape.closeParenthesis();
                }
                case ';' -> {
                    in.pos++;
                    if (shape.atTopLevel()) {
                        return finish(number, line, true);
                    }
                    shape.symbol();
                }
                case '\\' -> throw new ScriptSyntaxException(in.line(), "a backslash outside quotes inside the"
                        + " statement that starts at line " + line + ": psql would take it as a meta-command"
                        + " in the middle of a statement, which dbsnap does not run. Is the statement above it"
                        + " missing its semicolon?");
                default -> {
                    if (is(b, WORD_START)) {
                        string = word();
                    } else {
                        in.pos++;
                        shape.symbol();
                    }
                }
            }
            lastString = string;
            if (string != NO_STRING) {
                newlineSinceString = false;
            }
        }
    }

    /** Reads a psql meta-command: the rest of the line from the backslash at the current byte. */
    ScriptStatement metaCommand(int number) throws IOException {
        int line = in.line();
        in.startCapture(line);
        while (true) {
            int p = in.pos;
            int limit = in.limit;
            byte[] buf = in.buf;
            while (p < limit && buf[p] != '\n') {
                p++;
            }
            in.pos = p;
            if (p < limit || !in.fill()) {
                break;
            }
        }
        String text = decode(in.endCapture(), line);
        if (in.pos < in.limit) {
            in.pos++;
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        MetaCommands.check(text, line);
        return new ScriptStatement(text, number, line, StatementKind.META_COMMAND);
    }

    private ScriptStatement finish(int number, int line, boolean terminated) throws IOException {
        String sql = decode(in.endCapture(), line);
        if (!terminated) {
            sql = sql.stripTrailing();
        }
        if (shape.isCopyFromStdin()) {
            skipRestOfCopyLine(line);
            return new ScriptStatement(sql, number, line, StatementKind.COPY_FROM_STDIN);
        }
        StandardStrings.setBy(sql).ifPresent(on -> standardStrings = on);
        return new ScriptStatement(sql, number, line, StatementKind.SQL);
    }

    /** The rows of a COPY start on the line after its semicolon; only blanks and a comment may follow it. */
    private void skipRestOfCopyLine(int line) throws IOException {
        while (true) {
            int b = in.peek(0);
            if (b < 0) {
                return;
            }
            if (b == '\n') {
                in.pos++;
                return;
            }
            if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B) {
                in.pos++;
            } else if (b == '-' && in.peek(1) == '-') {
                skipLineComment();
            } else {
                throw new ScriptSyntaxException(in.line(), "text after the semicolon of the COPY ... FROM stdin"
                        + " at line " + line + ": its data must start on the next line, as pg_dump writes it.");
            }
        }
    }

    /**
     * Reads an unquoted word, or the string literal it prefixes ({@code E'}, {@code B'},
     * {@code X'}, {@code N'}, {@code U&'}, {@code U&"}); returns the string's kind, or
     * {@link #NO_STRING}.
     */
    private int word() throws IOException {
        switch (in.buf[in.pos] | 0x20) {
            case 'e' -> {
                if (in.peek(1) == '\'') {
                    quoted((byte) '\'', ESCAPE, 2);
                    return ESCAPE;
                }
            }
            case 'b', 'x' -> {
                if (in.peek(1) == '\'') {
                    quoted((byte) '\'', BIT, 2);
                    return BIT;
                }
            }
            case 'n' -> {
                if (in.peek(1) == '\'') {
                    // N'...' is an ordinary string for splitting: leave the quote to the caller.
                    in.pos++;
                    shape.symbol();
                    return NO_STRING;
                }
            }
            case 'u' -> {
                if (in.peek(1) == '&') {
                    int quote = in.peek(2);
                    if (quote == '\'' || quote == '"') {
                        quoted((byte) quote, STANDARD, 3);
                        return quote == '\'' ? STANDARD : NO_STRING;
                    }
                    // PostgreSQL reads a U before & as a character of its own, not as a word.
                    in.pos++;
                    shape.symbol();
                    return NO_STRING;
                }
            }
            default -> {
                // an ordinary word
            }
        }
        long code = 0;
        int length = 0;
        while (true) {
            byte[] buf = in.buf;
            int p = in.pos;
            int limit = in.limit;
            while (p < limit && is(buf[p], WORD_PART)) {
                code = StatementShape.code(code, length++, buf[p]);
                p++;
            }
            in.pos = p;
            if (p < limit || !in.fill()) {
                break;
            }
        }
        shape.word(code);
        return NO_STRING;
    }

    /**
     * Reads a quoted string or identifier whose opening quote is the last of the {@code skip}
     * bytes at the current position.
     */
    private void quoted(byte quote, int rules, int skip) throws IOException {
        int line = in.line();
        in.pos += skip;
        shape.symbol();
        boolean escapes = rules == ESCAPE;
        while (true) {
            byte[] buf = in.buf;
            int p = in.pos;
            int limit = in.limit;
            while (p < limit) {
                byte c = buf[p];
                if (c == quote || c == '\\' && escapes) {
                    break;
                }
                p++;
            }
            in.pos = p;
            if (p == limit) {
                if (!in.fill()) {
                    throw unterminated(line, quote == '"' ? "quoted identifier" : "quoted string");
                }
                continue;
            }
            in.pos++;
            if (buf[p] == '\\') {
                // The escaped byte, whatever it is, is part of the string.
                if (in.pos == in.limit && !in.fill()) {
                    throw unterminated(line, "quoted string");
                }
                in.pos++;
            } else if (rules == BIT || in.peek(0) != quote) {
                return;
            } else {
                in.pos++;
            }
        }
    }

    /** Reads what starts with a {@code $}: a dollar-quoted string, a parameter, or a lone {@code $}. */
    private void dollar() throws IOException {
        int next = in.peek(1);
        if (next == '$') {
            tagLength = 0;
            dollarQuoted(in.line(), 2);
            return;
        }
        if (!is(next, WORD_START)) {
            // $1, or a $ that starts nothing
            in.pos++;
            shape.symbol();
            return;
        }
        int afterNext = in.peek(2);
        if ((afterNext == '\'' || afterNext == '&') && "eEbBxXnNuU".indexOf(next) >= 0) {
            // PostgreSQL gives back all but the $ of a failed tag, and reads $e'...' as $ and e'...'.
            in.pos++;
            shape.symbol();
            return;
        }
        int line = in.line();
        in.pos++;
        tagLength = 0;
        long code = 0;
        while (true) {
            if (in.pos == in.limit && !in.fill()) {
                break;
            }
            byte b = in.buf[in.pos];
            if (b == '$') {
                dollarQuoted(line, 1);
                return;
            }
            if (!is(b, TAG_PART)) {
                break;
            }
            if (tagLength == tag.length) {
                tag = Arrays.copyOf(tag, tagLength * 2);
            }
            tag[tagLength] = b;
            code = StatementShape.code(code, tagLength++, b);
            in.pos++;
        }
        // Not a tag after all: PostgreSQL reads the $ alone and then the letters as a word.
        shape.symbol();
        shape.word(code);
    }

    /**
     * Skips a dollar-quoted string whose opening tag ({@link #tag}) ends with the last of the
     * {@code skip} bytes at the current position: up to the first {@code $tag$}. A different tag
     * inside is just text.
     */
    private void dollarQuoted(int line, int skip) throws IOException {
        in.pos += skip;
        shape.symbol();
        byte[] delimiter = tag;
        int delimiterLength = tagLength;
        // How much of "$tag$" the last bytes match; the tag holds no $, so after a mismatch only
        // a $ can start a new match.
        int matched = 0;
        while (true) {
            byte[] buf = in.buf;
            int p = in.pos;
            int limit = in.limit;
            while (p < limit) {
                byte c = buf[p++];
                if (matched == 0) {
                    if (c == '$') {
                        matched = 1;
                    }
                } else if (matched <= delimiterLength) {
                    matched = c == delimiter[matched - 1] ? matched + 1 : c == '$' ? 1 : 0;
                } else if (c == '$') {
                    in.pos = p;
                    return;
                } else {
                    matched = 0;
                }
            }
            in.pos = p;
            if (!in.fill()) {
                String quote = "$" + new String(delimiter, 0, delimiterLength, StandardCharsets.UTF_8) + "$";
                throw unterminated(line, "dollar-quoted string " + quote);
            }
        }
    }

    /** Skips a {@code --} comment up to, not including, the end of its line. */
    private void skipLineComment() throws IOException {
        while (true) {
            byte[] buf = in.buf;
            int p = in.pos;
            int limit = in.limit;
            while (p < limit && buf[p] != '\n' && buf[p] != '\r') {
                p++;
            }
            in.pos = p;
            if (p < limit || !in.fill()) {
                return;
            }
        }
    }

    /** Skips a {@code /* ... *}{@code /} comment; these nest in PostgreSQL, unlike in the SQL standard. */
    private void skipBlockComment() throws IOException {
        int line = in.line();
        in.pos += 2;
        int depth = 1;
        byte previous = 0;
        while (true) {
            byte[] buf = in.buf;
            int p = in.pos;
            int limit = in.limit;
            while (p < limit) {
                byte c = buf[p++];
                if (previous == '/' && c == '*') {
                    depth++;
                    previous = 0;
                } else if (previous == '*' && c == '/') {
                    if (--depth == 0) {
                        in.pos = p;
                        return;
                    }
                    previous = 0;
                } else {
                    previous = c;
                }
            }
            in.pos = p;
            if (!in.fill()) {
                throw unterminated(line, "/* comment");
            }
        }
    }

    /**
     * The statement as a String. new String(..., UTF_8) is several times faster than a decoder
     * but replaces malformed bytes with U+FFFD, so a text holding U+FFFD is decoded again strictly.
     */
    private String decode(ByteBuffer bytes, int line) {
        String text = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
                StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT_CHARACTER) < 0) {
            return text;
        }
        try {
            utf8.decode(bytes);
            return text;
        } catch (CharacterCodingException e) {
            throw new ScriptSyntaxException(line, "the statement is not valid UTF-8. dbsnap reads UTF-8 scripts;"
                    + " pg_dump writes the database's encoding unless given --encoding=UTF8.");
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0B;
    }

    private static ScriptSyntaxException unterminated(int line, String what) {
        return new ScriptSyntaxException(line, "the script ends inside the " + what + " that starts on this line."
                + " The file is probably truncated, or it is not a SQL script.");
    }
}
