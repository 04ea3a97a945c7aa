package io.dbsnap.reset;

/**
 * A schema with what makes a reset hard: identity, serial and generated columns, a foreign key
 * with ON DELETE CASCADE, a row trigger that writes audit rows, a partitioned table, a
 * self-referencing table, a free sequence, one never used, a materialized view, and a table no test touches.
 */
final class ResetFixture {

    static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.customers (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                shout text GENERATED ALWAYS AS (upper(name)) STORED);
            CREATE TABLE app.orders (id bigserial PRIMARY KEY,
                customer_id int NOT NULL REFERENCES app.customers ON DELETE CASCADE, total numeric(10,2));
            CREATE TABLE app.audit (at timestamptz NOT NULL DEFAULT now(), what text);
            CREATE FUNCTION app.log_change() RETURNS trigger LANGUAGE plpgsql AS
              $$BEGIN INSERT INTO app.audit (what) VALUES (TG_TABLE_NAME || ' ' || TG_OP); RETURN NULL; END$$;
            CREATE TRIGGER orders_audit AFTER INSERT OR DELETE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.log_change();
            CREATE TABLE app.events (id int, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE app.tags (id int PRIMARY KEY, parent int REFERENCES app.tags);
            CREATE TABLE app.countries (code char(2) PRIMARY KEY, name text);
            CREATE SEQUENCE app.tickets;
            CREATE SEQUENCE app.unused;
            INSERT INTO app.customers (name) VALUES ('ann'), ('bob'), ('cy');
            INSERT INTO app.orders (customer_id, total) VALUES (1, 10.50), (1, 20), (2, 7.25);
            INSERT INTO app.events VALUES (1, '2024-05-01'), (2, '2025-02-03');
            INSERT INTO app.tags VALUES (1, NULL), (2, 1), (3, 2);
            INSERT INTO app.countries VALUES ('fr', 'France'), ('pe', 'Peru');
            SELECT nextval('app.tickets'), nextval('app.tickets');
            CREATE MATERIALIZED VIEW app.order_totals AS SELECT customer_id, sum(total) AS total FROM app.orders GROUP BY 1;
            """;

    /**
     * What a test does to the data: inserts, updates, deletes (with a cascade), sequences (one set
     * without being called, which only a full read of it shows), a partitioned table.
     */
    static final String DATA_CHANGES = """
            INSERT INTO app.customers (name) VALUES ('dee');
            UPDATE app.customers SET name = 'BOB' WHERE id = 2;
            DELETE FROM app.customers WHERE id = 1;
            INSERT INTO app.orders (customer_id, total) VALUES (3, 99);
            INSERT INTO app.events VALUES (3, '2024-12-31'), (4, '2025-12-31');
            UPDATE app.tags SET parent = NULL WHERE id = 3;
            SELECT nextval('app.tickets');
            SELECT setval('app.unused', 100, false);
            REFRESH MATERIALIZED VIEW app.order_totals;
            """;

    private ResetFixture() {
    }
}
