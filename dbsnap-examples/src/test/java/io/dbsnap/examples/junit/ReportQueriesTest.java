package io.dbsnap.examples.junit;

import static io.dbsnap.examples.junit.Pristine.assertPristine;
import static io.dbsnap.examples.junit.Pristine.execute;
import static io.dbsnap.examples.junit.Pristine.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.junit5.DbSnapshot;
import io.dbsnap.junit5.SnapshotDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reset after the class (the default): its tests share their changes, and the class after it,
 * whichever it is, starts from the migrated database again.
 */
@DbSnapshot
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportQueriesTest {

    @SnapshotDatabase
    static DataSource database() throws SQLException {
        return ShopDatabase.migrated();
    }

    @Test
    @Order(1)
    void startsFromTheMigratedDatabase(DataSource db) throws SQLException {
        assertPristine(db);
        execute(db, "INSERT INTO shop.orders (customer_id, total) VALUES (1, 5)");
    }

    @Test
    @Order(2)
    void testsOfOneClassShareTheirChanges(DataSource db) throws SQLException {
        assertThat(query(db, "SELECT sum(total) FROM shop.orders")).isEqualTo("35.00");
    }
}
