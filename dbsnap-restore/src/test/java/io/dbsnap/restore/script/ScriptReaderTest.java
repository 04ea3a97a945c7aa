package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import static io.dbsnap.restore.script.Scripts.sql;
import static io.dbsnap.restore.script.Scripts.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.restore.script.Scripts.Read;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each lexical rule with a hand-checked split; every script is read with tiny and default buffers. */
class ScriptReaderTest {

    @Test
    void splitsAtSemicolonsAndCountsStatementsAndLines() {
        List<Read> read = split("SELECT 1;\nSELECT\n  2;  SELECT 3;\n\n\nSELECT 4;\n");

        assertThat(read).extracting(Read::statement).containsExactly(
                new ScriptStatement("SELECT 1;", 1, 1, StatementKind.SQL),
                new ScriptStatement("SELECT\n  2;", 2, 2, StatementKind.SQL),
                new ScriptStatement("SELECT 3;", 3, 3, StatementKind.SQL),
                new ScriptStatement("SELECT 4;", 4, 6, StatementKind.SQL));
    }

    @Test
    void leavesOutCommentsBeforeAStatementButKeepsThoseInside() {
        assertThat(split("--\n-- Name: t\n--\n\n/* block */ SELECT 1 -- one\n  /* two */ ;\n"))
                .extracting(Read::statement)
                .containsExactly(new ScriptStatement("SELECT 1 -- one\n  /* two */ ;", 1, 5, StatementKind.SQL));
    }

    @Test
    void returnsNothingForAnEmptyScriptOrOneOfOnlyCommentsAndBlanks() {
        assertThat(sql("")).isEmpty();
        assertThat(sql(" \n\t\r\n\f")).isEmpty();
        assertThat(sql("-- only a comment")).isEmpty();
        assertThat(sql("/* one */ -- two\n/* three /* nested */ */\n")).isEmpty();
    }

    @Test
    void returnsAFinalStatementWithoutSemicolonAsPsqlSendsIt() {
        assertThat(sql("SELECT 1;\nSELECT 2\n  \n")).containsExactly("SELECT 1;", "SELECT 2");
        assertThat(sql("SELECT 1;\nSELECT 2 -- no semicolon")).containsExactly("SELECT 1;", "SELECT 2 -- no semicolon");
    }

    @Test
    void returnsALoneSemicolonAsAnEmptyStatementAsPsqlDoes() {
        assertThat(sql("SELECT 1;;\n/* c */ ;")).containsExactly("SELECT 1;", ";", ";");
    }

    @Test
    void skipsAByteOrderMark() {
        assertThat(split("\uFEFFSELECT 1;")).extracting(Read::statement)
                .containsExactly(new ScriptStatement("SELECT 1;", 1, 1, StatementKind.SQL));
    }

    @Test
    void readsNonAsciiText() {
        assertThat(sql("SELECT 'ünïcödé ; 😀' AS \"naïve;\", ö$x FROM \"tä\"\"b\";\nSELECT 2;"))
                .containsExactly("SELECT 'ünïcödé ; 😀' AS \"naïve;\", ö$x FROM \"tä\"\"b\";", "SELECT 2;");
    }

    @Test
    void keepsAReplacementCharacterThatIsInTheScript() {
        assertThat(sql("SELECT '\uFFFD';")).containsExactly("SELECT '\uFFFD';");
    }

    @Nested
    class QuotedStrings {

        @Test
        void semicolonsAndDoubledQuotesInsideAStringDoNotEndTheStatement() {
            assertThat(sql("SELECT 'a;b', 'it''s; fine', '''', ''; SELECT 2;"))
                    .containsExactly("SELECT 'a;b', 'it''s; fine', '''', '';", "SELECT 2;");
        }

        @Test
        void aBackslashIsNoEscapeInAStandardString() {
            assertThat(sql("SELECT 'C:\\'; SELECT '\\\\'';'; SELECT 3;"))
                    .containsExactly("SELECT 'C:\\';", "SELECT '\\\\'';';", "SELECT 3;");
        }

        @Test
        void aBackslashEscapesAQuoteOrABackslashInAnEscapeString() {
            assertThat(sql("SELECT E'it\\'s; ok', e'\\\\', E'\\\\\\';'; SELECT 2;"))
                    .containsExactly("SELECT E'it\\'s; ok', e'\\\\', E'\\\\\\';';", "SELECT 2;");
        }

        @Test
        void aDoubledQuoteIsAQuoteInAnEscapeStringToo() {
            assertThat(sql("SELECT E'a''; b'; SELECT 2;")).containsExactly("SELECT E'a''; b';", "SELECT 2;");
        }

        @Test
        void anEscapeStringContinuedOnTheNextLineKeepsItsEscapes() {
            // SQL joins 'a' <newline> 'b' into one string, and the server keeps E's rules for the
            // rest. psql 15 lexes line by line, never sees the join, and splits inside the string
            // (the server then reports it unterminated); the reader follows the server.
            assertThat(sql("SELECT E'a'\n  -- a comment between\n'\\';'; SELECT 2;"))
                    .containsExactly("SELECT E'a'\n  -- a comment between\n'\\';';", "SELECT 2;");
        }

        @Test
        void aStringAfterAnEscapeStringOnTheSameLineIsAStandardString() {
            assertThat(sql("SELECT E'a' '\\'; SELECT 2;")).containsExactly("SELECT E'a' '\\';", "SELECT 2;");
        }

        @Test
        void anEInsideAWordDoesNotStartAnEscapeString() {
            assertThat(sql("SELECT somE'\\'; SELECT 2;")).containsExactly("SELECT somE'\\';", "SELECT 2;");
        }

        @Test
        void unicodeStringsAndIdentifiersAreOrdinaryQuotesForSplitting() {
            assertThat(sql("SELECT U&'d\\0061t\\+000061;', u&'\\'; SELECT U&\"d;\"\"\" FROM t; SELECT 3;"))
                    .containsExactly("SELECT U&'d\\0061t\\+000061;', u&'\\';", "SELECT U&\"d;\"\"\" FROM t;", "SELECT 3;");
        }

        @Test
        void aUBeforeAnAmpersandWithoutQuoteIsNoString() {
            assertThat(sql("SELECT u&x; SELECT 2;")).containsExactly("SELECT u&x;", "SELECT 2;");
        }

        @Test
        void bitHexAndNationalStrings() {
            assertThat(sql("SELECT B'1;0', x'A;F', N'n;''x', n'\\'; SELECT 2;"))
                    .containsExactly("SELECT B'1;0', x'A;F', N'n;''x', n'\\';", "SELECT 2;");
        }

        @Test
        void followsStandardConformingStringsAsTheScriptSetsIt() {
            assertThat(sql("""
                    SET standard_conforming_strings = off;
                    SELECT 'it\\'s; \\\\';
                    SET standard_conforming_strings TO 'on';
                    SELECT 'C:\\';
                    """)).containsExactly(
                    "SET standard_conforming_strings = off;",
                    "SELECT 'it\\'s; \\\\';",
                    "SET standard_conforming_strings TO 'on';",
                    "SELECT 'C:\\';");
        }

        @Test
        void quotedIdentifiersWithSemicolonsAndDoubledQuotes() {
            assertThat(sql("CREATE TABLE \"a;\"\"b\" (\"c;\" int); SELECT 2;"))
                    .containsExactly("CREATE TABLE \"a;\"\"b\" (\"c;\" int);", "SELECT 2;");
        }
    }

    @Nested
    class DollarQuotes {

        @Test
        void anEmptyTagQuotesUpToTheNextDoubleDollar() {
            assertThat(sql("SELECT $$a; 'b; \"c$$; SELECT 2;")).containsExactly("SELECT $$a; 'b; \"c$$;", "SELECT 2;");
        }

        @Test
        void aTaggedQuoteEndsOnlyAtTheSameTag() {
            String function = """
                    CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$
                    BEGIN
                        RETURN $$; $x$ ;$; 'unclosed $x$ $bod$ $body $Body$;
                    END
                    $body$;""";
            assertThat(sql(function + "\nSELECT 2;")).containsExactly(function, "SELECT 2;");
        }

        @Test
        void aFailedDelimiterInsideGivesBackItsDollar() {
            // $junk$tag$: PostgreSQL rereads the $ that ended $junk$ as the start of $tag$.
            assertThat(sql("SELECT $tag$a$junk$tag$; SELECT 2;")).containsExactly("SELECT $tag$a$junk$tag$;", "SELECT 2;");
        }

        @Test
        void tagsMayHoldDigitsUnderscoresAndNonAsciiLetters() {
            assertThat(sql("SELECT $_1$;$_1$, $ä$;$ä$; SELECT 2;")).containsExactly("SELECT $_1$;$_1$, $ä$;$ä$;", "SELECT 2;");
        }

        @Test
        void aParameterIsNoDollarQuote() {
            assertThat(sql("PREPARE p(int) AS SELECT $1; EXECUTE p(1);")).containsExactly("PREPARE p(int) AS SELECT $1;",
                    "EXECUTE p(1);");
        }

        @Test
        void aDollarInsideAWordIsNoDollarQuote() {
            assertThat(sql("SELECT 1 AS a$b$; SELECT x$$; SELECT 3;")).containsExactly("SELECT 1 AS a$b$;", "SELECT x$$;",
                    "SELECT 3;");
        }

        @Test
        void aDollarBeforeAWordWithoutClosingDollarIsNoQuote() {
            assertThat(sql("SELECT $abc; SELECT 2;")).containsExactly("SELECT $abc;", "SELECT 2;");
        }

        @Test
        void aDollarBeforeAStringPrefixLeavesTheStringToThePrefix() {
            // $e'...' is $ followed by the escape string e'...', as in PostgreSQL's lexer.
            assertThat(sql("SELECT $e'\\';'; SELECT 2;")).containsExactly("SELECT $e'\\';';", "SELECT 2;");
        }
    }

    @Nested
    class Comments {

        @Test
        void blockCommentsNest() {
            assertThat(sql("SELECT /* a /* b ; */ still; */ 1; SELECT 2;"))
                    .containsExactly("SELECT /* a /* b ; */ still; */ 1;", "SELECT 2;");
        }

        @Test
        void quotesInCommentsAreText() {
            assertThat(sql("SELECT 1 -- it's\n; /* \" $$ ' */ SELECT 2;")).containsExactly("SELECT 1 -- it's\n;", "SELECT 2;");
        }

        @Test
        void commentsStartInsideOperators() {
            assertThat(sql("SELECT 2 */* c; */ 3; SELECT 1 +-- c;\n 1;"))
                    .containsExactly("SELECT 2 */* c; */ 3;", "SELECT 1 +-- c;\n 1;");
        }

        @Test
        void aDashOrSlashAloneIsAnOperator() {
            assertThat(sql("-1; /2; SELECT 4 - 2 / 1;")).containsExactly("-1;", "/2;", "SELECT 4 - 2 / 1;");
        }
    }

    @Nested
    class Bodies {

        @Test
        void semicolonsInsideParenthesesDoNotEndTheStatement() {
            String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));";
            assertThat(sql(rule + "\nSELECT 2;")).containsExactly(rule, "SELECT 2;");
        }

        @Test
        void aBeginAtomicBodyAsPgDumpWritesItIsOneStatement() {
            String function = """
                    CREATE FUNCTION public.add_one(a integer) RETURNS integer
                        LANGUAGE sql IMMUTABLE
                        BEGIN ATOMIC
                     SELECT (a + 1);
                     SELECT CASE WHEN (a > 0) THEN 1 ELSE CASE WHEN (a < 0) THEN 2 END END AS "case";
                    END;""";
            assertThat(sql(function + "\nSELECT 2;")).containsExactly(function, "SELECT 2;");
        }

        @Test
        void procedureAndOrReplaceBodies() {
            String procedure = "create or replace procedure p() language sql begin atomic insert into t values (1); end;";
            String function = "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC; SELECT 1; END;";
            assertThat(sql(procedure + function + "SELECT 3;")).containsExactly(procedure, function, "SELECT 3;");
        }

        @Test
        void transactionBeginAndEndAreOrdinaryStatements() {
            assertThat(sql("BEGIN; SELECT 1; END; begin atomic;"))
                    .containsExactly("BEGIN;", "SELECT 1;", "END;", "begin atomic;");
        }

        @Test
        void aFunctionNamedBeginIsNoBody() {
            // psql would count this BEGIN and read the rest of the file as one statement.
            String function = "CREATE FUNCTION public.begin() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;";
            assertThat(sql(function + "\nSELECT 2;")).containsExactly(function, "SELECT 2;");
        }

        @Test
        void caseOutsideABodyIsNotCounted() {
            String function = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql RETURN CASE WHEN a > 0 THEN 1 END;";
            assertThat(sql(function + " SELECT 2;")).containsExactly(function, "SELECT 2;");
        }

        @Test
        void bodiesCountOnlyInCreateFunctionOrProcedure() {
            assertThat(sql("CREATE TABLE begin_atomic (x int); SELECT begin atomic; SELECT 3;"))
                    .containsExactly("CREATE TABLE begin_atomic (x int);", "SELECT begin atomic;", "SELECT 3;");
        }
    }

    @Nested
    class PsqlMetaCommands {

        @Test
        void restrictAndConnectLinesAreMetaCommands() {
            List<Read> read = split("\\restrict abc123\r\n\r\nSELECT 1;\n\\connect -reuse-previous=on \"dbname='x'\"\n"
                    + "\\c other\nSELECT 2; \\unrestrict abc123");

            assertThat(read).extracting(Read::statement).containsExactly(
                    new ScriptStatement("\\restrict abc123", 1, 1, StatementKind.META_COMMAND),
                    new ScriptStatement("SELECT 1;", 2, 3, StatementKind.SQL),
                    new ScriptStatement("\\connect -reuse-previous=on \"dbname='x'\"", 3, 4, StatementKind.META_COMMAND),
                    new ScriptStatement("\\c other", 4, 5, StatementKind.META_COMMAND),
                    new ScriptStatement("SELECT 2;", 5, 6, StatementKind.SQL),
                    new ScriptStatement("\\unrestrict abc123", 6, 6, StatementKind.META_COMMAND));
        }

        @Test
        void anUnknownMetaCommandIsAnErrorNamingItsLine() {
            assertThatThrownBy(() -> split("SELECT 1;\n\\set ON_ERROR_STOP on\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 2: ")
                    .hasMessageContaining("\\set")
                    .extracting(e -> ((ScriptSyntaxException) e).line()).isEqualTo(2);
        }

        @Test
        void anEndOfDataMarkerOutsideCopyIsAnError() {
            assertThatThrownBy(() -> split("SELECT 1;\n\n\\.\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 3: \\. outside COPY data");
        }

        @Test
        void aBackslashInsideAStatementIsAnError() {
            assertThatThrownBy(() -> split("SELECT 1\n\\gset\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 2: a backslash outside quotes inside the statement that starts at line 1");
        }
    }

    @Nested
    class Copy {

        @Test
        void copyFromStdinIsFollowedByItsRows() {
            List<Read> read = split("""
                    COPY public.t (id, "na;me") FROM stdin;
                    1\tx;y
                    2\t\\N
                    3\t\\\\.
                    \\.
                    SELECT 1;
                    """);

            assertThat(read).containsExactly(
                    new Read(new ScriptStatement("COPY public.t (id, \"na;me\") FROM stdin;", 1, 1,
                            StatementKind.COPY_FROM_STDIN), Optional.of("1\tx;y\n2\t\\N\n3\t\\\\.\n")),
                    new Read(new ScriptStatement("SELECT 1;", 2, 6, StatementKind.SQL), Optional.empty()));
        }

        @Test
        void rowsStartingWithABackslashThatIsNoEndMarkerAreData() {
            assertThat(split("COPY t FROM stdin;\n\\N\n\\.x\n\\.\r\t\n\\\n\\.")).extracting(Read::data)
                    .containsExactly(Optional.of("\\N\n\\.x\n\\.\r\t\n\\\n"));
        }

        @Test
        void windowsLineEndsAreKeptInTheDataAndEndTheMarker() {
            List<Read> read = split("COPY t FROM stdin;\r\n1\ta\r\n2\tb\r\n\\.\r\nSELECT 1;\r\n");

            assertThat(read).extracting(Read::data).containsExactly(Optional.of("1\ta\r\n2\tb\r\n"), Optional.empty());
            assertThat(read.get(1).statement().line()).isEqualTo(5);
        }

        @Test
        void anEmptyCopyAndAMarkerAtTheEndOfTheFile() {
            assertThat(split("COPY t FROM stdin;\n\\.\nCOPY u FROM stdin;\n1\n\\.")).extracting(Read::data)
                    .containsExactly(Optional.of(""), Optional.of("1\n"));
        }

        @Test
        void aCommentMayFollowTheSemicolonOnTheCopyLine() {
            assertThat(split("COPY t FROM STDIN ; -- rows follow\n1\n\\.\n")).extracting(Read::data)
                    .containsExactly(Optional.of("1\n"));
        }

        @Test
        void statementsAfterTheCopyLineAreAnError() {
            assertThatThrownBy(() -> split("\nCOPY t FROM stdin; SELECT 1;\n1\n\\.\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 2: text after the semicolon of the COPY ... FROM stdin at line 2");
        }

        @Test
        void recognizesCopyFromStdinByItsWords() {
            assertThat(split("""
                    copy t from STDIN WITH (FORMAT csv);
                    \\.
                    COPY t FROM stdout;
                    \\.
                    COPY BINARY s.t (a, b) FROM /* c */ stdin;
                    \\.
                    COPY t TO stdout;
                    COPY t FROM '/tmp/stdin';
                    COPY (SELECT a FROM stdin) TO stdout;
                    SELECT 'COPY t FROM stdin;';
                    CREATE TABLE copy (a int);
                    COPY "from" FROM "stdin";
                    """)).extracting(r -> r.statement().kind()).containsExactly(
                    StatementKind.COPY_FROM_STDIN, StatementKind.COPY_FROM_STDIN, StatementKind.COPY_FROM_STDIN,
                    StatementKind.SQL, StatementKind.SQL, StatementKind.SQL, StatementKind.SQL, StatementKind.SQL,
                    StatementKind.SQL);
        }

        @Test
        void dataTheCallerDoesNotReadIsSkipped() throws IOException {
            byte[] script = "COPY t FROM stdin;\n1\n2\n3\n\\.\nCOPY u FROM stdin;\n4\n\\.\nSELECT 1;\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (int size : Scripts.BUFFER_SIZES) {
                try (ScriptReader reader = new ScriptReader(new ByteArrayInputStream(script), size)) {
                    assertThat(reader.next()).get().extracting(ScriptStatement::kind).isEqualTo(StatementKind.COPY_FROM_STDIN);
                    assertThat(reader.copyData().read()).isEqualTo('1');
                    assertThat(reader.next()).get().extracting(ScriptStatement::line).isEqualTo(6);
                    assertThat(reader.next()).get().extracting(ScriptStatement::sql, ScriptStatement::line)
                            .containsExactly("SELECT 1;", 9);
                    assertThat(reader.next()).isEmpty();
                }
            }
        }

        @Test
        void copyDataAfterAnyOtherStatementIsAMistake() {
            try (ScriptReader reader = new ScriptReader(new ByteArrayInputStream("SELECT 1;".getBytes(StandardCharsets.UTF_8)))) {
                reader.next();
                assertThatThrownBy(reader::copyData).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Nested
    class Errors {

        @Test
        void aScriptEndingInsideADollarQuoteNamesTheLineWhereItStarts() {
            assertThatThrownBy(() -> split("SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $fn$\nBEGIN\n  RETURN 1;\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessage("Line 2: the script ends inside the dollar-quoted string $fn$ that starts on this line."
                            + " The file is probably truncated, or it is not a SQL script.");
        }

        @Test
        void aScriptEndingInsideCopyDataNamesTheCopy() {
            assertThatThrownBy(() -> split("SELECT 1;\n\nCOPY t FROM stdin;\n1\tx\n2\ty\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessage("Line 3: the script ends inside the data of the COPY on this line, before the \\. line"
                            + " that ends it. The file is probably truncated.");
        }

        @Test
        void aScriptEndingInsideACopyThatIsNotReadIsFoundToo() throws IOException {
            byte[] script = "COPY t FROM stdin;\n1\n".getBytes(StandardCharsets.UTF_8);
            try (ScriptReader reader = new ScriptReader(new ByteArrayInputStream(script))) {
                reader.next();
                assertThatThrownBy(reader::next).isInstanceOf(ScriptSyntaxException.class).hasMessageStartingWith("Line 1:");
            }
        }

        @Test
        void aScriptEndingInsideACommentNamesTheLineWhereItStarts() {
            assertThatThrownBy(() -> split("SELECT 1;\n/* outer\n/* inner */\nSELECT 2;\n"))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 2: the script ends inside the /* comment that starts on this line.");
            assertThatThrownBy(() -> split("SELECT 1 /* open"))
                    .hasMessageStartingWith("Line 1: the script ends inside the /* comment");
        }

        @Test
        void aScriptEndingInsideAStringOrIdentifier() {
            assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\n\n"))
                    .hasMessageStartingWith("Line 2: the script ends inside the quoted string that starts on this line.");
            assertThatThrownBy(() -> split("SELECT E'abc\\'"))
                    .hasMessageStartingWith("Line 1: the script ends inside the quoted string");
            assertThatThrownBy(() -> split("\n\nSELECT \"abc"))
                    .hasMessageStartingWith("Line 3: the script ends inside the quoted identifier");
        }

        @Test
        void aStatementThatIsNotUtf8() {
            byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> split(latin1))
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 2: the statement is not valid UTF-8.");
        }
    }

    @Nested
    class ScriptFiles {

        @Test
        void opensPlainAndGzipFiles(@TempDir Path dir) throws IOException {
            String script = "SELECT 1;\nCOPY t FROM stdin;\n1\n\\.\n";
            Path plain = Files.writeString(dir.resolve("plain.sql"), script);
            Path gzip = dir.resolve("compressed.sql.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
                out.write(script.getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : List.of(plain, gzip)) {
                try (ScriptReader reader = ScriptReader.open(file)) {
                    assertThat(reader.next()).get().extracting(ScriptStatement::sql).isEqualTo("SELECT 1;");
                    assertThat(reader.next()).get().extracting(ScriptStatement::kind).isEqualTo(StatementKind.COPY_FROM_STDIN);
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    reader.copyData().transferTo(data);
                    assertThat(data.toString(StandardCharsets.UTF_8)).isEqualTo("1\n");
                    assertThat(reader.next()).isEmpty();
                }
            }
        }

        @Test
        void aMissingFileIsAClearError(@TempDir Path dir) {
            assertThatThrownBy(() -> ScriptReader.open(dir.resolve("missing.sql")))
                    .hasMessageStartingWith("Could not open the script " + dir.resolve("missing.sql"));
        }

        @Test
        void anEmptyFile(@TempDir Path dir) throws IOException {
            Path empty = Files.createFile(dir.resolve("empty.sql"));
            try (ScriptReader reader = ScriptReader.open(empty)) {
                assertThat(reader.next()).isEmpty();
            }
        }
    }
}
