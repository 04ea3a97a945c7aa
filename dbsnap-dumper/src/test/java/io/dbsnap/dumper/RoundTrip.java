package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.testkit.TestDatabase;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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

    static void load(TestDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }
}
