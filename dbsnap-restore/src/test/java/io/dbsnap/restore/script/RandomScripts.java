package io.dbsnap.restore.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random scripts whose split is known because they are built from it: statements made of
 * random tokens (words, strings of every kind with semicolons, quotes and backslashes inside,
 * dollar quotes with other tags inside, comments, parentheses holding semicolons), BEGIN ATOMIC
 * bodies, COPY blocks with random rows and psql meta-commands, with random blanks and comments
 * between them.
 *
 * <p>Tokens are always separated by at least one blank, so that no two of them run together
 * into something else ({@code -} and {@code -}, {@code e} and {@code '...'}), and every string
 * literal is followed by {@code ::text}, so that two literals never meet across a newline, which
 * SQL would join into one.
 */
final class RandomScripts {

    /** A generated script and what reading it must give. */
    record Script(String text, List<Expected> statements) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** One statement as the reader must return it, with the COPY rows that follow it. */
    record Expected(String sql, int line, StatementKind kind, Optional<String> data) {
    }

    /** A piece of the script before its position is known. */
    private record Part(String sql, StatementKind kind, String data) {
    }

    private RandomScripts() {
    }

    static Arbitrary<Script> scripts() {
        Arbitrary<List<Part>> parts = part().list().ofMinSize(0).ofMaxSize(12);
        Arbitrary<List<String>> gaps = gap().list().ofSize(13);
        Arbitrary<Boolean> unterminatedLast = Arbitraries.of(false, false, true);
        Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n");
        Arbitrary<String> trailer = Arbitraries.of("", "\n", "  \n\n", "\n-- the end\n", "/* end */");
        return Combinators.combine(parts, gaps, unterminatedLast, lineEnd, trailer).as(RandomScripts::assemble);
    }

    private static Script assemble(List<Part> parts, List<String> gaps, boolean unterminatedLast, String lineEnd,
            String trailer) {
        StringBuilder text = new StringBuilder();
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            text.append(gaps.get(i));
            int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
            boolean last = i == parts.size() - 1;
            switch (part.kind()) {
                case SQL -> {
                    if (last && unterminatedLast) {
                        // psql sends a last statement without semicolon as it is; only blanks may follow.
                        String sql = part.sql().substring(0, part.sql().length() - 1);
                        text.append(sql).append(lineEnd).append("  ");
                        expected.add(new Expected(sql.stripTrailing(), line, StatementKind.SQL, Optional.empty()));
                        return new Script(text.toString(), expected);
                    }
                    text.append(part.sql());
                    expected.add(new Expected(part.sql(), line, StatementKind.SQL, Optional.empty()));
                }
                case COPY_FROM_STDIN -> {
                    String data = part.data().replace("\n", lineEnd);
                    text.append(part.sql()).append(lineEnd).append(data).append("\\.").append(lineEnd);
                    expected.add(new Expected(part.sql(), line, part.kind(), Optional.of(data)));
                }
                case META_COMMAND -> {
                    text.append(part.sql()).append(lineEnd);
                    expected.add(new Expected(part.sql(), line, part.kind(), Optional.empty()));
                }
            }
        }
        text.append(gaps.get(parts.size())).append(trailer);
        return new Script(text.toString(), expected);
    }

    private static Arbitrary<Part> part() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, plainStatement().map(sql -> new Part(sql, StatementKind.SQL, ""))),
                Tuple.of(2, atomicRoutine().map(sql -> new Part(sql, StatementKind.SQL, ""))),
                Tuple.of(2, copy()),
                Tuple.of(1, metaCommand()));
    }

    private static Arbitrary<String> plainStatement() {
        Arbitrary<String> verb = Arbitraries.of("SELECT", "insert into", "UPDATE", "CREATE TABLE", "ALTER TABLE",
                "COMMENT ON", "DO", "BEGIN", "COPY w_t TO stdout", "copy w_t from '/tmp/stdin'", "CREATE VIEW");
        return Combinators.combine(verb, tokens(0)).as((v, t) -> v + " " + t + ";");
    }

    /** A SQL-standard function or procedure body, whose semicolons stay inside the statement. */
    private static Arbitrary<String> atomicRoutine() {
        Arbitrary<String> head = Arbitraries.of("CREATE FUNCTION", "create or replace function", "CREATE PROCEDURE",
                "CREATE OR REPLACE PROCEDURE");
        Arbitrary<String> begin = Arbitraries.of("BEGIN ATOMIC", "begin atomic", "Begin\n  Atomic");
        Arbitrary<String> caseExpression = Arbitraries.of("", " CASE WHEN a THEN 1 END",
                " case when a then case b when 1 then 2 else 3 end end");
        Arbitrary<String> bodyStatement = Combinators.combine(tokens(0), caseExpression, separator())
                .as((t, c, s) -> "SELECT " + t + c + ";" + s);
        Arbitrary<String> body = bodyStatement.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> end = Arbitraries.of("END", "end");
        return Combinators.combine(head, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), begin,
                        separator(), body, end)
                .as((h, name, b, s, bodyText, e) -> h + " public.f_" + name + "(a int) RETURNS int LANGUAGE sql\n    "
                        + b + s + bodyText + e + ";");
    }

    private static Arbitrary<Part> copy() {
        Arbitrary<String> statement = Arbitraries.of(
                "COPY public.t (a, \"b;\", c) FROM stdin;",
                "copy \"s;x\".\"t\" from STDIN;",
                "COPY t FROM stdin WITH (FORMAT text, DELIMITER E'\\t');");
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of("\\N", "", "\\\\", "\\\\.", "\\.x", "\\t", "\\n", "\\r", ";", "'", "\"", "$$", "--",
                        "/*", "ä€😀"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).map(RandomScripts::copyEscaped));
        Arbitrary<String> row = field.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("\t", l) + "\n");
        Arbitrary<String> rows = row.list().ofMaxSize(6).map(l -> String.join("", l));
        return Combinators.combine(statement, rows).as((s, r) -> new Part(s, StatementKind.COPY_FROM_STDIN, r));
    }

    /** A value in COPY text format: backslashes doubled, so that no row can start with the end marker. */
    private static String copyEscaped(String value) {
        return value.replace("\\", "\\\\");
    }

    private static Arbitrary<Part> metaCommand() {
        return Arbitraries.of("\\restrict abc123XYZ", "\\unrestrict abc123XYZ", "\\connect db", "\\c \"other db\"")
                .map(text -> new Part(text, StatementKind.META_COMMAND, ""));
    }

    /** One or more tokens separated by blanks or comments; below depth 2 they may hold parentheses. */
    private static Arbitrary<String> tokens(int depth) {
        Arbitrary<String> token = depth < 2
                ? Arbitraries.frequencyOf(Tuple.of(12, token()),
                        Tuple.of(1, Arbitraries.lazy(() -> parenthesized(depth + 1))))
                : token();
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(8), separator().list().ofSize(8))
                .as((list, separators) -> {
                    StringBuilder joined = new StringBuilder(list.get(0));
                    for (int i = 1; i < list.size(); i++) {
                        joined.append(separators.get(i)).append(list.get(i));
                    }
                    return joined.toString();
                });
    }

    /** Parentheses, inside which a semicolon does not end the statement. */
    private static Arbitrary<String> parenthesized(int depth) {
        return Combinators.combine(tokens(depth), Arbitraries.of(" ; ", " , ", " "), tokens(depth))
                .as((a, middle, b) -> "( " + a + middle + b + " )");
    }

    private static Arbitrary<String> token() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, word()),
                Tuple.of(2, Arbitraries.integers().between(0, 99999).map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("+", "-", "*", "/", "::", ",", ".", "=", "<>", "||", "@", "#",
                        "%", "^", "&", "|", "`", "?", "!", "~", "$1", "$", "[", "]", ":")),
                Tuple.of(2, quotedIdentifier()),
                Tuple.of(3, standardString()),
                Tuple.of(3, escapeString()),
                Tuple.of(2, prefixedString()),
                Tuple.of(3, dollarQuoted()),
                Tuple.of(1, blockComment()),
                Tuple.of(1, lineComment()));
    }

    /**
     * A word that is no keyword the reader watches ({@code begin}, {@code end}, {@code from},
     * ...): it starts with w, and may hold digits, $ and non-ASCII letters.
     */
    private static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '$', '0', '9', 'ä', 'é', '中')
                .ofMinLength(0).ofMaxLength(8).map(s -> "w" + s);
    }

    private static Arbitrary<String> quotedIdentifier() {
        return content("a", "Z", " ", ";", "'", "\"\"", "$$", "\\", "--", "/*", "*/", "\n", "ü").map(c -> "\"" + c + "\"");
    }

    /** With standard_conforming_strings on, a backslash is just a character, also before the closing quote. */
    private static Arbitrary<String> standardString() {
        return content("a", " ", ";", "''", "\"", "\\", "\\\\", "$$", "$a$", "--", "/*", "*/", "\n", "\r\n", "é")
                .map(c -> "'" + c + "'::text");
    }

    private static Arbitrary<String> escapeString() {
        return Combinators.combine(Arbitraries.of("E", "e"),
                        content("a", " ", ";", "\\\\", "\\'", "''", "\\n", "\\x41", "\\101", "\\u00e9", "\"", "$$", "--",
                                "/*", "\n", "é"))
                .as((e, c) -> e + "'" + c + "'::text");
    }

    private static Arbitrary<String> prefixedString() {
        return Arbitraries.oneOf(
                content("0", "1").map(c -> "B'" + c + "'::bit varying"),
                content("A", "f", "0").map(c -> "x'" + c + "'::bit varying"),
                content("a", ";", "''", "\\").map(c -> "N'" + c + "'::text"),
                content("a", ";", "''", "\\", "\\0061").map(c -> "U&'" + c + "'::text"),
                content("a", ";", "\"\"", "\\", "'").map(c -> "U&\"" + c + "\""));
    }

    private static Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.of("", "a", "body", "_x1", "ä", "Tag_2");
        return tag.flatMap(t -> {
            String delimiter = "$" + t + "$";
            return content("a", " ", ";", "'", "\"", "\\", "$", "$$", "$a$", "$body$", "$x", "$1", "--", "/*", "*/",
                    "\n", "BEGIN", "END;", "ä")
                    // The body must not hold its own delimiter, nor end in a way that makes it appear early.
                    .filter(body -> (body + delimiter).indexOf(delimiter) == body.length())
                    .map(body -> delimiter + body + delimiter);
        });
    }

    private static Arbitrary<String> blockComment() {
        // No piece starts or ends with * or /, so pieces cannot run together into a comment's end or start.
        return content("a", " ; ", "'", "\"", "$$", "-- x", "\n", " /* nested ; ' */ ", " * ", " / ", "E'", "\\")
                .map(c -> "/*" + c + "*/");
    }

    private static Arbitrary<String> lineComment() {
        return content("a", " ", ";", "'", "\"", "$$", "/*", "\\", "--")
                .map(c -> "--" + c + "\n");
    }

    /** Blanks between tokens: at least one blank at each end, perhaps comments inside. */
    private static Arbitrary<String> separator() {
        return Arbitraries.oneOf(
                Arbitraries.of(" ", "  ", "\n", "\t", " \r\n "),
                Arbitraries.of(" /* ; ' */ ", " -- ; '\n", "\n/* a /* b; */ */\n"));
    }

    /** What may stand between statements: nothing, blanks, comments. */
    private static Arbitrary<String> gap() {
        return Arbitraries.oneOf(
                        Arbitraries.of("", " ", "\n", "\n\n", "\r\n", "\t"),
                        lineComment().map(c -> "\n" + c),
                        blockComment())
                .list().ofMaxSize(3).map(l -> String.join("", l));
    }

    private static Arbitrary<String> content(String... pieces) {
        return Arbitraries.of(pieces).list().ofMaxSize(10).map(l -> String.join("", l));
    }
}
