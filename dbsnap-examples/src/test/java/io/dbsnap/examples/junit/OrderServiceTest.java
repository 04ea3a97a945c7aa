package io.dbsnap.examples.junit;

import static io.dbsnap.examples.junit.Pristine.assertPristine;
import static io.dbsnap.examples.junit.Pristine.execute;
import static io.dbsnap.examples.junit.Pristine.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshot;
import io.dbsnap.junit5.DbSnapshot;
import io.dbsnap.junit5.ResetMode;
import io.dbsnap.junit5.SnapshotDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every test starts from the migrated database: the first one changes everything it can, the
 * later ones see none of it.
 */
@DbSnapshot(reset = ResetMode.AFTER_EACH_TEST, verify = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderServiceTest {

    @SnapshotDatabase
    static DataSource database() throws SQLException {
        return ShopDatabase.migrated();
    }

    @Test
    @Order(1)
    void aTestMayChangeAnything(DataSource db) throws SQLException {
        assertPristine(db);
        execute(db, """
                INSERT INTO shop.customers (name) VALUES ('cy');
                UPDATE shop.customers SET name = 'ANN' WHERE id = 1;
                INSERT INTO shop.orders (customer_id, total) VALUES (3, 99.50);
                DELETE FROM shop.orders WHERE id = 2;
                SELECT nextval('shop.invoice_numbers');
                CREATE TABLE shop.scratch (note text);
                INSERT INTO shop.scratch VALUES ('temporary');
                """);
        assertThat(query(db, "SELECT count(*) FROM shop.customers")).isEqualTo("3");
        assertThat(query(db, "SELECT string_agg(what, ',' ORDER BY what) FROM shop.audit")).isEqualTo("order 1,order 2,order 3");
    }

    @Test
    @Order(2)
    void theNextTestSeesThePristineDatabase(DataSource db) throws SQLException {
        assertPristine(db);
        // a data change only, which the fast path puts back
        execute(db, "DELETE FROM shop.orders; INSERT INTO shop.customers (name) VALUES ('dee')");
    }

    @Test
    @Order(3)
    void andSoDoesTheOneAfter(DataSource db, Snapshot snapshot) throws SQLException {
        assertPristine(db);
        assertThat(snapshot.metadata().tables()).hasSize(3);
    }
}
