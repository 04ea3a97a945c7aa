package io.dbsnap.restore.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Real pg_dump output: a database full of awkward names, strings, function bodies and data is
 * dumped with pg_dump (plain, schema and data), split by the reader, and run statement by
 * statement into an empty database, COPY data through pgjdbc's CopyManager; pg_dump of both
 * must then be the same. Plus a hand-written file in the form of pg_dump 18 with --create.
 */
class PgDumpScriptTest {

    @Test
    void eachStatementOfAPgDumpRunsOnItsOwnAndTheCopyIsEqual(@TempDir Path dir) throws Exception {
        try (TestDatabase source = PostgresServer.shared().createDatabase("script_source");
             TestDatabase target = PostgresServer.shared().createDatabase("script_target")) {
            runAsOneQuery(source, resource("awkward-source.sql"));
            Path dump = dir.resolve("dump.sql");
            PgDump.toFile(source, dump);

            List<ScriptStatement> statements = restore(dump, target);

            assertThat(PgDump.run(target)).isEqualTo(PgDump.run(source));
            assertThat(statements).filteredOn(s -> s.kind() == StatementKind.COPY_FROM_STDIN).hasSize(4);
            assertThat(statements).filteredOn(s -> s.sql().contains("BEGIN ATOMIC")).hasSize(3)
                    .allSatisfy(s -> assertThat(s.sql()).startsWith("CREATE ").endsWith("END;"));
            assertThat(statements).filteredOn(s -> s.sql().startsWith("CREATE FUNCTION public.begin()")).singleElement()
                    .satisfies(s -> assertThat(s.sql()).endsWith("$$;"));
            assertThat(statements).filteredOn(s -> s.kind() == StatementKind.META_COMMAND)
                    .allSatisfy(s -> assertThat(MetaCommands.name(s.sql())).isIn("restrict", "unrestrict"));
        }
    }

    @Test
    void aPg18DumpWithCreateSplitsAtTheRightPlaces() {
        List<Scripts.Read> read = Scripts.split(resource("pg18-create.sql"));

        assertThat(read).extracting(r -> r.statement().kind()).containsSubsequence(
                StatementKind.META_COMMAND, StatementKind.SQL, StatementKind.META_COMMAND, StatementKind.META_COMMAND,
                StatementKind.META_COMMAND, StatementKind.SQL, StatementKind.COPY_FROM_STDIN, StatementKind.SQL,
                StatementKind.META_COMMAND);
        assertThat(read.get(0).statement()).isEqualTo(new ScriptStatement(
                "\\restrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH", 1, 5,
                StatementKind.META_COMMAND));
        assertThat(read).extracting(Scripts.Read::sql).contains(
                "\\connect app",
                "SET transaction_timeout = 0;",
                """
                CREATE FUNCTION public.add_one(a integer) RETURNS integer
                    LANGUAGE sql
                    BEGIN ATOMIC
                 SELECT (a + 1);
                 SELECT
                         CASE
                             WHEN (a > 0) THEN 1
                             ELSE NULL::integer
                         END AS "case";
                END;""",
                """
                SELECT * FROM pg_catalog.pg_restore_relation_stats(
                \t'version', '180000'::integer,
                \t'schemaname', 'public',
                \t'relname', 't',
                \t'relpages', '1'::integer,
                \t'reltuples', '3'::real,
                \t'relallvisible', '0'::integer,
                \t'relallfrozen', '0'::integer
                );""");
        Scripts.Read copy = read.stream().filter(r -> r.statement().kind() == StatementKind.COPY_FROM_STDIN)
                .findFirst().orElseThrow();
        assertThat(copy.statement()).isEqualTo(new ScriptStatement("COPY public.t (id, v) FROM stdin;", 32, 79,
                StatementKind.COPY_FROM_STDIN));
        assertThat(copy.data()).contains("1\ta\\tb\\nc\\\\d\n2\t\\N\n3\t\n");
        assertThat(read.get(read.size() - 1).statement()).isEqualTo(new ScriptStatement(
                "\\unrestrict Qm3xTz8pL1vR7cK0aB9dE2fG4hJ6kN5sW8yU1iO3pA7zX0cV9bM2nL4qS6dF8gH", read.size(), 113,
                StatementKind.META_COMMAND));
    }

    /**
     * What a restorer does with the reader: each statement in its own call, COPY rows streamed.
     * The simple protocol, because pgjdbc's own splitter would cut a BEGIN ATOMIC body apart.
     */
    private static List<ScriptStatement> restore(Path dump, TestDatabase target) throws SQLException, IOException {
        List<ScriptStatement> statements = new ArrayList<>();
        try (Connection c = simpleProtocol(target); Statement s = c.createStatement();
             ScriptReader reader = ScriptReader.open(dump)) {
            CopyManager copyManager = new CopyManager(c.unwrap(BaseConnection.class));
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                ScriptStatement statement = next.get();
                statements.add(statement);
                switch (statement.kind()) {
                    case SQL -> s.execute(statement.sql());
                    case COPY_FROM_STDIN -> copyManager.copyIn(statement.sql(), reader.copyData());
                    case META_COMMAND -> {
                        // restrict and unrestrict guard psql sessions; nothing to do over JDBC.
                    }
                }
            }
        }
        return statements;
    }

    private static void runAsOneQuery(TestDatabase db, String script) throws SQLException {
        try (Connection c = simpleProtocol(db); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    private static Connection simpleProtocol(TestDatabase db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("preferQueryMode", "simple");
        return DriverManager.getConnection(db.jdbcUrl(), props);
    }

    private static String resource(String name) {
        try (InputStream in = PgDumpScriptTest.class.getResourceAsStream("/script/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
