package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The data oracle on a real server: what it tells apart, and what it rightly does not. */
class DataOracleTest {

    private static final String SCHEMA = """
            CREATE SCHEMA app;
            CREATE TABLE app.items (id int PRIMARY KEY, name text);
            CREATE TABLE app.log (id int, at date) PARTITION BY RANGE (at);
            CREATE TABLE app.log_2024 PARTITION OF app.log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE app.empty (x int);
            CREATE SEQUENCE app.counter;
            CREATE MATERIALIZED VIEW app.names AS SELECT name FROM app.items;
            CREATE MATERIALIZED VIEW app.later AS SELECT 1 AS one WITH NO DATA;
            CREATE SCHEMA dbsnap_reset;
            CREATE TABLE dbsnap_reset.counters (n int);
            INSERT INTO app.items VALUES (1, 'one'), (2, E'two\\nlines');
            INSERT INTO app.log VALUES (1, '2024-03-01');
            REFRESH MATERIALIZED VIEW app.names;
            """;

    @Test
    void describesRowsAndSequencesByRelationAndTellsAChangedRowApart() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("data_oracle")) {
            db.execute(SCHEMA);
            List<String> before = DataOracle.describe(db);

            // the hand-checked shape: one line per table, partition, populated view and sequence
            assertThat(before).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactly(
                    "sequence app.counter", "rows of app.empty", "rows of app.items", "rows of app.log_2024",
                    "rows of app.names");
            assertThat(before).contains("sequence app.counter: 1 false", "rows of app.empty: 0 rows -");
            assertThat(before.get(2)).startsWith("rows of app.items: 2 rows ");

            // the same rows in another physical order, and tables it leaves out, change nothing
            db.execute("UPDATE app.items SET name = name WHERE id = 1; INSERT INTO dbsnap_reset.counters VALUES (1)");
            assertThat(DataOracle.describe(db)).isEqualTo(before);

            db.execute("UPDATE app.items SET name = 'two' WHERE id = 2");
            assertThat(DataOracle.describe(db)).containsAll(before.subList(0, 2)).doesNotContain(before.get(2));

            db.execute("SELECT nextval('app.counter')");
            assertThat(DataOracle.describe(db)).contains("sequence app.counter: 1 true");
        }
    }
}
