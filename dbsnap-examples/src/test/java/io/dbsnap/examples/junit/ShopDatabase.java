package io.dbsnap.examples.junit;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The suite's database, created and migrated once per JVM, as a suite would with Flyway: the
 * test classes name it with {@code @SnapshotDatabase}. (With Testcontainers this would be a
 * started {@code PostgreSQLContainer}; the extension takes that too.)
 */
final class ShopDatabase {

    static final String MIGRATIONS = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE);
            CREATE TABLE shop.orders (id bigserial PRIMARY KEY, customer_id int NOT NULL REFERENCES shop.customers,
                total numeric(10,2) NOT NULL);
            CREATE TABLE shop.audit (what text NOT NULL);
            CREATE FUNCTION shop.audit_order() RETURNS trigger LANGUAGE plpgsql AS
              $$BEGIN INSERT INTO shop.audit VALUES ('order ' || NEW.id); RETURN NEW; END$$;
            CREATE TRIGGER orders_audit AFTER INSERT ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.audit_order();
            CREATE SEQUENCE shop.invoice_numbers START 1000;
            INSERT INTO shop.customers (name) VALUES ('ann'), ('bob');
            INSERT INTO shop.orders (customer_id, total) VALUES (1, 10), (2, 20);
            """;

    private static TestDatabase database;

    private ShopDatabase() {
    }

    static synchronized DataSource migrated() throws SQLException {
        if (database == null) {
            database = PostgresServer.shared().createDatabase("shop");
            database.execute(MIGRATIONS);
        }
        return database.dataSource();
    }
}
