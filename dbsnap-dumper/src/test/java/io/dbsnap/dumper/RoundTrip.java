package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The oracle round trip of testing.md: dump with dbsnap, load into empty databases, compare with an oracle. */
final class RoundTrip {

    private RoundTrip() {
    }

    /** An independent judge of a database's schema: equal texts for equal schemas. */
    @FunctionalInterface
    interface Oracle {
        String describe(TestDatabase db) throws Exception;
    }

    /** pg_dump --schema-only without owners and grants, for scripts written with noOwner() and noPrivileges(). */
    static String schemaWithoutOwnersOrGrants(TestDatabase db) {
        return PgDump.run(db, "--schema-only", "--no-owner", "--no-privileges");
    }

    /**
     * Dumps {@code src} once, loads the script into one empty database through JDBC and into
     * another with psql, and asserts that the oracle sees all three alike.
     *
     * @return the oracle's text of {@code src}, for further checks of its content
     */
    static String assertSurvives(TestDatabase src, Oracle oracle, Path dir, String name)
            throws Exception {
        return assertSurvives(src, DdlOptions.defaults(), oracle, dir, name);
    }

    /** {@link #assertSurvives(TestDatabase, Oracle, Path, String)} of a dump with {@code options}. */
    static String assertSurvives(TestDatabase src, DdlOptions options, Oracle oracle, Path dir, String name)
            throws Exception {
        try (TestDatabase viaJdbc = src.server().createDatabase(name + "_jdbc");
             TestDatabase viaPsql = src.server().createDatabase(name + "_psql")) {
            String script = dump(src, options);
            load(viaJdbc, script);
            Path file = dir.resolve(name + ".sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Psql.runFile(viaPsql, file);

            String expected = oracle.describe(src);
            String actual = oracle.describe(viaJdbc);
            debug(name, expected, actual, script);
            assertThat(actual).isEqualTo(expected);
            assertThat(oracle.describe(viaPsql)).isEqualTo(expected);
            return expected;
        }
    }

    static String dump(TestDatabase db) throws SQLException {
        return dump(db, DdlOptions.defaults());
    }

    static String dump(TestDatabase db, DdlOptions options) throws SQLException {
        Catalog catalog;
        try (Connection c = db.connect()) {
            catalog = CatalogReader.allSchemas().read(c);
        }
        StringWriter out = new StringWriter();
        new DdlWriter(out, options).write(catalog);
        return out.toString();
    }

    /**
     * The large objects of {@code db} with owner, access list and comment, from the server's
     * catalog: pg_dump --schema-only leaves them out.
     */
    static String largeObjects(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.oid, pg_get_userbyid(m.lomowner), m.lomacl,"
                     + " obj_description(m.oid, 'pg_largeobject') FROM pg_largeobject_metadata m ORDER BY m.oid")) {
            StringBuilder text = new StringBuilder();
            while (rs.next()) {
                text.append("\nlarge object ").append(rs.getLong(1)).append(" owned by ").append(rs.getString(2))
                        .append(", acl ").append(rs.getString(3)).append(": ").append(rs.getString(4));
            }
            return text.toString();
        }
    }

    /**
     * Runs the whole script as one simple-protocol query, so that the server, not the driver,
     * splits it (the driver's splitter does not know {@code BEGIN ATOMIC} bodies). A stand-in
     * until the restore module's script reader exists.
     */
    static void load(TestDatabase db, String script) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("preferQueryMode", "simple");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** With DBSNAP_DEBUG_DIR set, keeps the oracle's two texts and dbsnap's script for a look with diff. */
    private static void debug(String name, String expected, String actual, String script) throws IOException {
        String dir = System.getenv("DBSNAP_DEBUG_DIR");
        if (dir != null) {
            Files.writeString(Path.of(dir, name + ".expected"), expected);
            Files.writeString(Path.of(dir, name + ".actual"), actual);
            Files.writeString(Path.of(dir, name + ".dbsnap"), script);
        }
    }
}
