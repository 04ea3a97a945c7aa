package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Dumps a database's schema with dbsnap and loads such a dump: the two halves of the oracle round trip. */
final class RoundTrip {

    private RoundTrip() {
    }

    static String dump(TestDatabase db) throws SQLException {
        Catalog catalog;
        try (Connection c = db.connect()) {
            catalog = CatalogReader.allSchemas().read(c);
        }
        StringWriter out = new StringWriter();
        new DdlWriter(out).write(catalog);
        return out.toString();
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
    static void debug(String name, String expected, String actual, String script) throws IOException {
        String dir = System.getenv("DBSNAP_DEBUG_DIR");
        if (dir != null) {
            Files.writeString(Path.of(dir, name + ".expected"), expected);
            Files.writeString(Path.of(dir, name + ".actual"), actual);
            Files.writeString(Path.of(dir, name + ".dbsnap"), script);
        }
    }
}
