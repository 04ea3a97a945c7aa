package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog oracle against real servers: the JVM's shared one (PostgreSQL 15 on the project's
 * machines) for most tests, and PostgreSQL 13 and 18 from Maven Central for the version branches.
 * Schema changes are made inside a transaction that is rolled back, and described through that
 * transaction's connection, so one pair of databases serves every mutation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogOracleTest {

    /** Fixture parts, each for servers of that major version and later. */
    private static final List<Integer> FIXTURE_VERSIONS = List.of(12, 14, 15, 16, 18);

    private TestDatabase first;
    private TestDatabase second;
    private String baseline;

    @BeforeAll
    void loadTheFixtureIntoTwoDatabases() {
        PostgresServer server = PostgresServer.shared();
        first = server.createDatabase("oracle_first");
        second = server.createDatabase("oracle_second");
        loadFixture(first);
        loadFixture(second);
        baseline = CatalogOracle.describe(first);
    }

    @AfterAll
    void dropTheDatabases() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theSameSchemaLoadedTwiceDescribesTheSame() {
        assertThat(CatalogOracle.describe(second)).isEqualTo(baseline);
        assertThat(CatalogOracle.describe(second, true)).isEqualTo(CatalogOracle.describe(first, true));
    }

    @Test
    void everyKindOfTheFixtureIsDescribed() {
        List<String> lines = baseline.lines().toList();
        for (String prefix : List.of("schema ", "extension ", "collation ", "conversion ", "type ", "function ",
                "procedure ", "aggregate ", "operator ", "operator family ", "operator class ", "cast ", "access method ",
                "sequence ", "table ", "view ", "materialized view ", "foreign table ", "index ", "event trigger ",
                "publication ", "statistics ", "text search dictionary ", "text search configuration ",
                "foreign-data wrapper ", "server ", "user mapping ", "comment on ", "large objects: ")) {
            assertThat(lines).as("a line starting with '%s'", prefix).anyMatch(line -> line.startsWith(prefix));
        }
        for (String part : List.of(" constraint ", " trigger ", " rule ", " policy ", " column ")) {
            assertThat(lines).as("a line about a table's%s", part)
                    .anyMatch(line -> line.startsWith("table ") && line.contains(part));
        }
        assertThat(lines).contains(
                "table \"Mixed Case\".\"User\" column 2 \"e-mail\": text, not null, options (n_distinct=-1)",
                "type \"Mixed Case\".mood: enum ('sad', 'ok', 'it''s great')",
                "table app.child_log: ordinary, inherits (app.parent_log, app.other_parent)",
                "sequence app.counter: integer, start 10, increment 3, min 1, max 1000000, cache 5, cycle",
                "user mapping for oracle_reader server oracle_server: options (password=(hidden), user=reader)",
                "comment on table column \"Mixed Case\".\"User\".\"e-mail\": 'primary contact'",
                "table app.\"order\" trigger order_audit: CREATE TRIGGER order_audit AFTER DELETE ON app.\"order\" "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION app.audit(), disabled");
        assertThat(baseline).doesNotContain("secret");
        // hstore's own types, functions, operators and casts are the extension's, not the user's
        assertThat(lines).contains("extension hstore: schema app, version '" + extensionVersion(first, "hstore") + "'")
                .noneMatch(line -> line.startsWith("type app.hstore") || line.startsWith("function app.hstore"))
                .noneMatch(line -> (line.startsWith("operator ") || line.startsWith("cast ")) && line.contains("app.hstore"));
    }

    @Test
    void aDefinitionSpanningLinesStaysOnOneEscapedLine() {
        assertThat(baseline.lines()).anyMatch(line -> line.startsWith("function app.on_ddl(): ")
                && line.contains("\\n RETURNS event_trigger\\n"));
        assertThat(baseline.lines()).allMatch(line -> line.matches("[a-z].*"));
        assertThat(CatalogOracle.escapeLineBreaks("a\\b\nc\rd")).isEqualTo("a\\\\b\\nc\\rd");
    }

    static Stream<Arguments> schemaChanges() {
        return Stream.of(
                change("drop a comment", "COMMENT ON TABLE \"Mixed Case\".\"User\" IS NULL",
                        "comment on table \"Mixed Case\".\"User\""),
                change("change a comment", "COMMENT ON LARGE OBJECT 424242 IS 'changed'", "large object 424242"),
                change("change a column default", "ALTER TABLE app.\"order\" ALTER COLUMN amount SET DEFAULT 0",
                        "app.\"order\" column 4 amount"),
                change("change a column type", "ALTER TABLE app.scratch ALTER COLUMN k TYPE varchar(20)",
                        "app.scratch column 1 k"),
                change("reset a column's statistics target",
                        "ALTER TABLE \"Mixed Case\".\"User\" ALTER COLUMN mood SET STATISTICS -1", "column 4 mood"),
                change("change a column's storage",
                        "ALTER TABLE \"Mixed Case\".\"User\" ALTER COLUMN big_doc SET STORAGE EXTENDED", "column 9 big_doc"),
                change("drop a NOT NULL", "ALTER TABLE app.typed ALTER COLUMN x DROP NOT NULL", "app.typed"),
                change("change a table option", "ALTER TABLE \"Mixed Case\".\"User\" SET (fillfactor = 70)",
                        "table \"Mixed Case\".\"User\": "),
                change("force row security", "ALTER TABLE \"Mixed Case\".\"User\" FORCE ROW LEVEL SECURITY",
                        "table \"Mixed Case\".\"User\": "),
                change("change a view", "CREATE OR REPLACE VIEW \"Mixed Case\".rich_users WITH (security_barrier = true) AS "
                        + "SELECT id, \"e-mail\", balance FROM \"Mixed Case\".\"User\" WHERE balance > 200 "
                        + "WITH CASCADED CHECK OPTION", "view \"Mixed Case\".rich_users: "),
                change("add a policy", "CREATE POLICY extra ON app.\"order\" USING (amount > 0)",
                        "table app.\"order\" policy extra: "),
                change("change a policy's roles", "ALTER POLICY own_rows ON \"Mixed Case\".\"User\" TO PUBLIC",
                        "policy own_rows: "),
                change("disable a trigger", "ALTER TABLE \"Mixed Case\".\"User\" DISABLE TRIGGER user_audit",
                        "trigger user_audit: "),
                change("enable a rule", "ALTER TABLE app.scratch ENABLE RULE scratch_no_delete", "rule scratch_no_delete: "),
                change("enable an event trigger", "ALTER EVENT TRIGGER oracle_ddl ENABLE", "event trigger oracle_ddl: "),
                change("change a sequence increment", "ALTER SEQUENCE app.counter INCREMENT BY 4", "sequence app.counter: "),
                change("change an identity's sequence",
                        "ALTER TABLE \"Mixed Case\".\"User\" ALTER COLUMN id SET INCREMENT BY 7", "\"User_id_seq\""),
                change("add an enum label", "ALTER TYPE \"Mixed Case\".mood ADD VALUE 'meh' BEFORE 'ok'",
                        "type \"Mixed Case\".mood: "),
                change("change a domain default", "ALTER DOMAIN app.positive SET DEFAULT 2", "type app.positive: "),
                change("validate a domain constraint", "ALTER DOMAIN app.short_text VALIDATE CONSTRAINT short",
                        "type app.short_text constraint short: "),
                change("change a function body", "CREATE OR REPLACE FUNCTION app.add_one(i integer) RETURNS integer "
                        + "LANGUAGE sql IMMUTABLE AS 'SELECT i + 2'", "function app.add_one(integer): "),
                change("change a function attribute", "ALTER FUNCTION app.audit() SECURITY DEFINER", "function app.audit(): "),
                change("change an operator", "ALTER OPERATOR app.~~~ (integer, integer) SET (RESTRICT = scalarltsel)",
                        "operator app.~~~(integer,integer): "),
                change("change a cast's context", "DROP CAST (app.int42 AS integer); CREATE CAST (app.int42 AS integer) "
                        + "WITH FUNCTION app.int42_to_int(app.int42) AS IMPLICIT", "cast (app.int42 as integer): "),
                change("add a NOT VALID check", "ALTER TABLE app.scratch ADD CONSTRAINT k_set CHECK (k <> '') NOT VALID",
                        "table app.scratch constraint k_set: "),
                change("change an index", "DROP INDEX app.order_note_lower; "
                        + "CREATE INDEX order_note_lower ON app.\"order\" (lower(note COLLATE \"C\"))",
                        "index app.order_note_lower: "),
                change("reset an index column's statistics target",
                        "ALTER INDEX app.order_note_lower ALTER COLUMN 1 SET STATISTICS -1", "index app.order_note_lower: "),
                change("stop clustering", "ALTER TABLE app.\"order\" SET WITHOUT CLUSTER", "index app.order_amount_incl: "),
                change("change the replica identity", "ALTER TABLE app.\"order\" REPLICA IDENTITY FULL", "app.\"order\""),
                change("change a publication's tables", "ALTER PUBLICATION orders_pub DROP TABLE app.\"order\"",
                        "publication orders_pub "),
                change("change what a publication publishes", "ALTER PUBLICATION orders_pub SET (publish = 'insert')",
                        "publication orders_pub: "),
                change("detach a partition", "ALTER TABLE app.by_kind DETACH PARTITION app.by_kind_a", "app.by_kind_a"),
                change("reorder inheritance parents", "ALTER TABLE app.child_log NO INHERIT app.parent_log; "
                        + "ALTER TABLE app.child_log INHERIT app.parent_log", "table app.child_log"),
                change("reorder text search dictionaries",
                        "ALTER TEXT SEARCH CONFIGURATION app.docs ALTER MAPPING FOR word WITH simple, app.english_stem",
                        "text search configuration app.docs mapping word: "),
                change("change extended statistics", "DROP STATISTICS app.order_stats; "
                        + "CREATE STATISTICS app.order_stats (ndistinct) ON user_id, amount FROM app.\"order\"",
                        "statistics app.order_stats: "),
                change("change a collation", "DROP COLLATION app.c_copy; CREATE COLLATION app.c_copy (locale = 'POSIX')",
                        "collation app.c_copy: "),
                change("change a foreign server option", "ALTER SERVER oracle_server OPTIONS (SET port '2')",
                        "server oracle_server: "),
                change("rename a column", "ALTER TABLE app.with_hole RENAME COLUMN b TO c", "table app.with_hole column 2 "));
    }

    private static Arguments change(String name, String sql, String expectedInEveryDifferingLine) {
        return Arguments.of(name, sql, expectedInEveryDifferingLine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaChanges")
    void aSchemaChangeChangesOnlyTheLinesOfItsObject(String name, String sql, String expectedInEveryDifferingLine)
            throws SQLException {
        List<String> differing = differingLines(baseline, describeAfter(second, sql));
        assertThat(differing).as(name).isNotEmpty().allMatch(line -> line.contains(expectedInEveryDifferingLine));
    }

    /** From 13 on a partition's clone of a trigger is listed when its enabled state is its own. */
    @Test
    void aTriggerCloneWithItsOwnStateIsDescribed() throws SQLException {
        Skip.unless(second.server().majorVersion() >= 13, "aTriggerCloneWithItsOwnStateIsDescribed",
                "the shared server is PostgreSQL 12, which has no tgparentid");
        String clone = "table app.events_2025 trigger events_audit: clone of the trigger of app.events, disabled";
        assertThat(baseline.lines()).contains(clone);
        assertThat(differingLines(baseline, describeAfter(second, "ALTER TABLE app.events_2025 ENABLE TRIGGER events_audit")))
                .containsExactly(clone);
    }

    @Test
    void dataIsNotSchema() throws SQLException {
        assertThat(describeAfter(second, "INSERT INTO app.scratch VALUES ('k', '{}'); SELECT nextval('app.counter'); "
                + "REFRESH MATERIALIZED VIEW app.order_totals; SELECT lo_create(0)"))
                .isNotEqualTo(baseline); // a new large object is counted ...
        assertThat(describeAfter(second, "INSERT INTO app.scratch VALUES ('k', '{}'); SELECT nextval('app.counter'); "
                + "REFRESH MATERIALIZED VIEW app.order_totals"))
                .isEqualTo(baseline); // ... but rows, sequence values and populated matviews are not schema
    }

    @Test
    void ownersAndPrivilegesOnlyWhenAskedFor() throws SQLException {
        String grant = "GRANT SELECT ON app.scratch TO oracle_reader";
        assertThat(describeAfter(second, grant)).isEqualTo(baseline);
        String user = first.user();
        assertThat(differingLines(CatalogOracle.describe(first, true), describeAfter(second, grant, true)))
                .containsExactly("privilege on table app.scratch: SELECT to oracle_reader by " + user);
        assertThat(CatalogOracle.describe(first, true).lines())
                .contains("privilege on table app.scratch: SELECT to " + user + " by " + user,
                        "privilege on table app.scratch: TRUNCATE to " + user + " by " + user);

        String withGrantOption = "GRANT UPDATE (k) ON app.scratch TO oracle_reader WITH GRANT OPTION";
        assertThat(differingLines(CatalogOracle.describe(first, true), describeAfter(second, withGrantOption, true)))
                .containsExactly("privilege on table column app.scratch.k: UPDATE to oracle_reader by " + user
                        + ", with grant option");

        String owner = "ALTER TABLE app.scratch OWNER TO oracle_reader";
        assertThat(describeAfter(second, owner)).isEqualTo(baseline);
        assertThat(differingLines(CatalogOracle.describe(first, true), describeAfter(second, owner, true)))
                .contains("owner of table app.scratch: oracle_reader")
                .allMatch(line -> line.contains("table app.scratch"));

        // the stored entry holds the built-in default (owner and PUBLIC) besides the grant
        String defaults = "ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO oracle_reader";
        assertThat(differingLines(CatalogOracle.describe(first, true), describeAfter(second, defaults, true)))
                .containsExactlyInAnyOrder(
                        "default privilege of " + user + " on types: USAGE to PUBLIC by " + user,
                        "default privilege of " + user + " on types: USAGE to " + user + " by " + user,
                        "default privilege of " + user + " on types: USAGE to oracle_reader by " + user);
    }

    @Test
    void describingThroughAConnectionLeavesItAsItWas() throws SQLException {
        try (Connection c = second.connect(); Statement s = c.createStatement()) {
            String searchPath = setting(s, "search_path");
            assertThat(CatalogOracle.describe(c)).isEqualTo(baseline);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(setting(s, "search_path")).isEqualTo(searchPath);
            assertThat(setting(s, "transaction_read_only")).isEqualTo("off");

            c.setAutoCommit(false);
            s.execute("CREATE TABLE app.uncommitted (id int)");
            assertThat(CatalogOracle.describe(c)).contains("table app.uncommitted: ordinary\n");
            s.execute("INSERT INTO app.uncommitted VALUES (1)"); // still in a usable, read-write transaction
            assertThat(setting(s, "search_path")).isEqualTo(searchPath);
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThat(CatalogOracle.describe(second)).isEqualTo(baseline);
    }

    /**
     * The same objects made in another order, after objects made and dropped, get other OIDs and
     * attnums; the description stays the same.
     */
    @Test
    void oidsAndDroppedColumnsLeaveNoTrace() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase a = server.createDatabase("oracle_order_a"); TestDatabase b = server.createDatabase("oracle_order_b")) {
            a.execute("""
                    CREATE TYPE public.color AS ENUM ('red', 'green');
                    CREATE TABLE public.paint (id serial PRIMARY KEY, gone int, c public.color NOT NULL, note text);
                    ALTER TABLE public.paint DROP COLUMN gone;
                    CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TABLE public.brush (id int REFERENCES public.paint, size int CHECK (size > 0));
                    CREATE INDEX brush_size ON public.brush (size);
                    CREATE TRIGGER paint_touch BEFORE UPDATE ON public.paint FOR EACH ROW EXECUTE FUNCTION public.touch();
                    CREATE VIEW public.palette AS SELECT p.c, b.size FROM public.paint p JOIN public.brush b ON b.id = p.id;
                    COMMENT ON COLUMN public.paint.note IS 'free text';
                    """);
            b.execute("""
                    CREATE TABLE public.filler (x int, y int, z int);
                    CREATE TYPE public.unused AS (a int);
                    DROP TABLE public.filler;
                    DROP TYPE public.unused;
                    CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TYPE public.color AS ENUM ('red', 'green');
                    CREATE TABLE public.paint (id serial PRIMARY KEY, c public.color NOT NULL, note text);
                    COMMENT ON COLUMN public.paint.note IS 'free text';
                    CREATE TRIGGER paint_touch BEFORE UPDATE ON public.paint FOR EACH ROW EXECUTE FUNCTION public.touch();
                    CREATE TABLE public.brush (id int, size int CHECK (size > 0));
                    ALTER TABLE public.brush ADD FOREIGN KEY (id) REFERENCES public.paint;
                    CREATE VIEW public.palette AS SELECT p.c, b.size FROM public.paint p JOIN public.brush b ON b.id = p.id;
                    CREATE INDEX brush_size ON public.brush (size);
                    """);
            assertThat(attnum(a, "public.paint", "note")).isNotEqualTo(attnum(b, "public.paint", "note"));
            assertThat(relationOid(a, "public.paint")).isNotEqualTo(relationOid(b, "public.paint"));

            String described = CatalogOracle.describe(a, true);
            assertThat(CatalogOracle.describe(b, true)).isEqualTo(described);
            assertThat(described).contains("table public.paint column 3 note: text\n")
                    .doesNotContain(String.valueOf(relationOid(a, "public.paint")));
        }
    }

    /** pg_dump (15 on the project's machines) names the same tables, views, functions, ... as the oracle. */
    @Test
    void everyObjectPgDumpNamesIsDescribed() throws SQLException {
        skipUnlessPgDumpReads(first.server(), "everyObjectPgDumpNamesIsDescribed");
        String dump = PgDump.schemaOnly(first);
        Pattern header = Pattern.compile("^-- Name: (.+); Type: ([A-Z ]+); Schema: (.+); Owner: .*$", Pattern.MULTILINE);
        Matcher m = header.matcher(dump);
        Set<String> kinds = new LinkedHashSet<>();
        int checked = 0;
        try (Connection c = first.connect()) {
            while (m.find()) {
                String name = m.group(1);
                String type = m.group(2);
                String schema = quoteIdent(c, m.group(3));
                String expected = switch (type) {
                    case "TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "TYPE", "DOMAIN", "INDEX", "FOREIGN TABLE" ->
                            " " + schema + "." + quoteIdent(c, name);
                    case "FUNCTION", "PROCEDURE", "AGGREGATE" ->
                            " " + schema + "." + quoteIdent(c, name.substring(0, name.indexOf('('))) + "(";
                    case "TRIGGER", "POLICY", "RULE", "CONSTRAINT", "FK CONSTRAINT", "CHECK CONSTRAINT" -> {
                        int space = name.lastIndexOf(' ');
                        String word = type.endsWith("CONSTRAINT") ? "constraint" : type.toLowerCase();
                        yield " " + schema + "." + quoteIdent(c, name.substring(0, space)) + " " + word + " "
                                + quoteIdent(c, name.substring(space + 1)) + ": ";
                    }
                    default -> null;
                };
                if (expected != null) {
                    kinds.add(type);
                    checked++;
                    assertThat(baseline).as("%s %s.%s from pg_dump", type, schema, name).contains(expected);
                }
            }
        }
        assertThat(kinds).contains("TABLE", "VIEW", "MATERIALIZED VIEW", "FUNCTION", "PROCEDURE", "AGGREGATE",
                "TRIGGER", "POLICY", "RULE", "INDEX", "CONSTRAINT", "FK CONSTRAINT", "SEQUENCE", "TYPE", "DOMAIN");
        assertThat(checked).isGreaterThan(50);
    }

    /**
     * pg_dump and psql are the first oracle: a database restored from pg_dump has the same schema,
     * so this one must describe it alike, owners and privileges included (no false alarms).
     */
    @Test
    void aDatabaseRestoredFromPgDumpDescribesTheSame() throws IOException {
        skipUnlessPgDumpReads(first.server(), "aDatabaseRestoredFromPgDumpDescribesTheSame");
        assertPgDumpRoundTripDescribesTheSame(first);
    }

    @Test
    void postgres13() throws SQLException, IOException {
        PostgresServer server = PostgresServer.embedded("13");
        assertThat(server.majorVersion()).isEqualTo(13);
        try (TestDatabase a = server.createDatabase("oracle_13_a"); TestDatabase b = server.createDatabase("oracle_13_b")) {
            String described = assertLoadedTwiceDescribesTheSame(a, b);
            assertThat(described.lines()).contains(
                    "type app.float_range: range of double precision, opclass pg_catalog.float8_ops, "
                            + "subtype_diff float8mi(double precision,double precision)",
                    "table app.events_2025 trigger events_audit: clone of the trigger of app.events, disabled");
            assertThat(differingLines(described, describeAfter(b, "ALTER TABLE app.scratch ALTER COLUMN k SET DEFAULT 'x'")))
                    .containsExactlyInAnyOrder("table app.scratch column 1 k: text",
                            "table app.scratch column 1 k: text, default 'x'::text");
            assertThat(differingLines(described,
                    describeAfter(b, "ALTER PUBLICATION orders_pub SET (publish_via_partition_root = true)")))
                    .hasSize(2).allMatch(line -> line.startsWith("publication orders_pub: "));
            if (Skip.partUnless(PgDump.majorVersion() >= 13, "the pg_dump round trip of postgres13",
                    "pg_dump " + PgDump.majorVersion() + " refuses PostgreSQL 13, a newer server than itself")) {
                assertPgDumpRoundTripDescribesTheSame(a);
            }
        }
    }

    @Test
    void postgres18() throws SQLException {
        PostgresServer server = PostgresServer.embedded("18");
        assertThat(server.majorVersion()).isEqualTo(18);
        try (TestDatabase a = server.createDatabase("oracle_18_a"); TestDatabase b = server.createDatabase("oracle_18_b")) {
            String described = assertLoadedTwiceDescribesTheSame(a, b);
            assertThat(described.lines()).contains(
                    "table app.modern constraint modern_id_required: NOT NULL id",
                    "table app.modern constraint modern_price_set: NOT NULL price NOT VALID, not validated",
                    "table app.modern column 3 doubled: numeric, generated always as ((price * (2)::numeric)) virtual",
                    "table app.bookings constraint no_double_booking: PRIMARY KEY (room, during WITHOUT OVERLAPS)",
                    "publication with_generated: listed tables, publish (insert, update, delete, truncate), "
                            + "generated columns stored",
                    "collation app.g_before_a: provider icu, encoding any, locale 'und', rules '&a < g'");

            assertThat(differingLines(described,
                    describeAfter(b, "ALTER TABLE app.modern RENAME CONSTRAINT modern_id_required TO modern_id_needed")))
                    .containsExactlyInAnyOrder("table app.modern constraint modern_id_required: NOT NULL id",
                            "table app.modern constraint modern_id_needed: NOT NULL id");
            assertThat(differingLines(described, describeAfter(b, "ALTER TABLE app.modern DROP COLUMN doubled; "
                    + "ALTER TABLE app.modern ADD COLUMN doubled numeric GENERATED ALWAYS AS (price * 2) STORED")))
                    .containsExactlyInAnyOrder(
                            "table app.modern column 3 doubled: numeric, generated always as ((price * (2)::numeric)) virtual",
                            "table app.modern column 3 doubled: numeric, generated always as ((price * (2)::numeric)) stored");
            assertThat(differingLines(described, describeAfter(b, "ALTER TABLE app.modern VALIDATE CONSTRAINT modern_price_set")))
                    .hasSize(2).allMatch(line -> line.startsWith("table app.modern constraint modern_price_set: "));
            assertThat(differingLines(described,
                    describeAfter(b, "ALTER TABLE app.compressed ALTER COLUMN doc SET COMPRESSION default")))
                    .containsExactlyInAnyOrder("table app.compressed column 1 doc: text, compression pglz",
                            "table app.compressed column 1 doc: text");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void loadFixture(TestDatabase db) {
        int major = db.server().majorVersion();
        for (int since : FIXTURE_VERSIONS) {
            if (major >= since) {
                Psql.runFile(db, resource("oracle/fixture-" + since + ".sql"));
            }
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(CatalogOracleTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the fixture into both, describes each (one of them twice), and returns the description. */
    private static String assertLoadedTwiceDescribesTheSame(TestDatabase a, TestDatabase b) {
        loadFixture(a);
        loadFixture(b);
        String described = CatalogOracle.describe(a);
        assertThat(CatalogOracle.describe(a)).isEqualTo(described);
        assertThat(CatalogOracle.describe(b)).isEqualTo(described);
        assertThat(CatalogOracle.describe(b, true)).isEqualTo(CatalogOracle.describe(a, true));
        assertThat(described).contains("table \"Mixed Case\".\"User\" column 2 \"e-mail\": text, not null");
        return described;
    }

    private static void assertPgDumpRoundTripDescribesTheSame(TestDatabase source) throws IOException {
        Path dump = Files.createTempFile("oracle-roundtrip", ".sql");
        try (TestDatabase restored = source.server().createDatabase("oracle_restored")) {
            Files.writeString(dump, PgDump.run(source), StandardCharsets.UTF_8);
            Psql.runFile(restored, dump);
            assertThat(CatalogOracle.describe(restored, true)).isEqualTo(CatalogOracle.describe(source, true));
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** The description of {@code db} inside a transaction that ran {@code sql} and is then rolled back. */
    private static String describeAfter(TestDatabase db, String sql) throws SQLException {
        return describeAfter(db, sql, false);
    }

    private static String describeAfter(TestDatabase db, String sql, boolean ownersAndPrivileges) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute(sql);
                return CatalogOracle.describe(c, ownersAndPrivileges);
            } finally {
                c.rollback();
            }
        }
    }

    /** Lines of either description that the other lacks. */
    private static List<String> differingLines(String a, String b) {
        Map<String, Integer> count = new HashMap<>();
        a.lines().forEach(line -> count.merge(line, 1, Integer::sum));
        b.lines().forEach(line -> count.merge(line, -1, Integer::sum));
        List<String> differing = new ArrayList<>();
        count.forEach((line, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                differing.add(line);
            }
        });
        return differing;
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quoteIdent(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String extensionVersion(TestDatabase db, String extension) {
        return queryString(db, "SELECT extversion FROM pg_extension WHERE extname = '" + extension + "'");
    }

    private static long relationOid(TestDatabase db, String relation) {
        return Long.parseLong(queryString(db, "SELECT '" + relation + "'::regclass::oid"));
    }

    private static int attnum(TestDatabase db, String relation, String column) {
        return Integer.parseInt(queryString(db, "SELECT attnum FROM pg_attribute WHERE attrelid = '" + relation
                + "'::regclass AND attname = '" + column + "'"));
    }

    private static String queryString(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** pg_dump refuses servers of a newer major version than its own. */
    private static void skipUnlessPgDumpReads(PostgresServer server, String test) {
        int pgDump = PgDump.majorVersion();
        Skip.unless(server.majorVersion() <= pgDump, test, "pg_dump " + pgDump + " refuses PostgreSQL "
                + server.majorVersion() + ", a newer server than itself");
    }
}
