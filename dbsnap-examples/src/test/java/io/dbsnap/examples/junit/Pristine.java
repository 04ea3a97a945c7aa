package io.dbsnap.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What the migrated database holds, written by hand from {@link ShopDatabase#MIGRATIONS}. */
final class Pristine {

    private Pristine() {
    }

    static void assertPristine(DataSource db) throws SQLException {
        assertThat(query(db, "SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM shop.customers")).isEqualTo("1:ann,2:bob");
        assertThat(query(db, "SELECT string_agg(id || ':' || customer_id || ':' || total, ',' ORDER BY id) FROM shop.orders"))
                .isEqualTo("1:1:10.00,2:2:20.00");
        assertThat(query(db, "SELECT string_agg(what, ',' ORDER BY what) FROM shop.audit")).isEqualTo("order 1,order 2");
        // the next values: identity and serial sequences were set back too
        assertThat(query(db, "SELECT nextval('shop.invoice_numbers')")).isEqualTo("1000");
        assertThat(query(db, "SELECT to_regclass('shop.scratch')")).isNull();
    }

    static String query(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
