package io.dbsnap.bench;

import io.dbsnap.reset.FastReset;
import io.dbsnap.reset.ResetReport;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.testkit.DataOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Resetting a test database after a test, three ways, in the same run on the same data: a
 * database of 50 tables (10 referenced by the 40 others) and 100,000 rows, after a "test" that
 * inserted, updated and deleted rows of 2 tables (and so moved their identity sequences).
 * <ul>
 *   <li>dbsnap's {@link FastReset#reset()} as a superuser (puts back the rows that changed in the
 *       2 tables, sets the 2 sequences back);</li>
 *   <li>the same for a role that is not a superuser and owns the tables (empties the 2 tables
 *       and loads them whole, checks the structure by a scan of the catalogs);</li>
 *   <li>{@code DROP DATABASE} + {@code CREATE DATABASE ... TEMPLATE} from a template copy, what
 *       zonky's embedded-database refresh and Stellar-like tools do;</li>
 *   <li>a full restore of a dbsnap snapshot ({@link SnapshotRestorer}, without safety snapshot).</li>
 * </ul>
 * Each after one untimed warm-up, in alternating order, at least 5 repetitions; the medians and
 * their ratios go to {@code target/bench/reset.md}. Each way works on a database of its own, all
 * cloned from the same template (the role's is built again, as that role); each ends checked
 * against the template's contents.
 */
public final class ResetBenchmark {

    private static final int TABLES = 50;
    private static final int REFERENCED = 10;
    private static final int ROWS = 100_000;
    private static final String CHANGED_A = "bench.t_11";
    private static final String CHANGED_B = "bench.t_12";
    private static final String OWNER = "reset_bench_owner";

    private ResetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = Math.max(5, Integer.getInteger("bench.repetitions", 5));
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(output);
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase template = server.createDatabase("reset_template")) {
            BenchOutput.progress("generating %d tables with %,d rows in %s", TABLES, ROWS, template.name());
            template.execute(schemaAndRows());
            List<String> expected = DataOracle.describe(template);
            String ownerPassword = UUID.randomUUID().toString();
            // the role is dropped last, after the database whose tables it owns
            try (AutoCloseable owner = createOwner(server, ownerPassword);
                 TestDatabase cloned = server.createDatabase("reset_clone");
                 TestDatabase fullDb = server.createDatabase("reset_full");
                 TestDatabase fastDb = server.createDatabase("reset_fast");
                 TestDatabase ownedDb = server.createDatabase("reset_owned")) {
                clone(server, template.name(), cloned.name());
                clone(server, template.name(), fullDb.name());
                clone(server, template.name(), fastDb.name());
                BenchOutput.progress("generating the same tables as role %s in %s", OWNER, ownedDb.name());
                ownedDb.execute("ALTER DATABASE " + ownedDb.name() + " OWNER TO " + OWNER + "; SET ROLE " + OWNER + ";"
                        + schemaAndRows() + " RESET ROLE");
                Snapshot snapshot = Snapshots.create("bench").withData().in(output.resolve("reset-snapshots"))
                        .from(fullDb.dataSource());
                List<Double> fast = new ArrayList<>();
                List<Double> owned = new ArrayList<>();
                List<Double> clone = new ArrayList<>();
                List<Double> full = new ArrayList<>();
                try (FastReset reset = FastReset.capture(fastDb.dataSource());
                     FastReset ownedReset = FastReset.capture(asOwner(server, ownedDb, ownerPassword));
                     Connection fullConnection = fullDb.connect()) {
                    SnapshotRestorer restorer = new SnapshotRestorer(new SnapshotStore(snapshot.file().getParent()),
                            RestoreOptions.defaults().withoutSafetySnapshot());
                    for (int run = 0; run <= repetitions; run++) {
                        boolean timed = run > 0;
                        BenchOutput.progress("%s %d", timed ? "repetition" : "warm-up", run);
                        List<Runnable> order = new ArrayList<>();
                        // each result is checked right after its timed run, before anything else runs
                        order.add(() -> record(timed, fast, timeFast(fastDb, reset),
                                () -> check("fast reset", fastDb, expected)));
                        order.add(() -> record(timed, owned, timeFast(ownedDb, ownedReset),
                                () -> check("fast reset of the role", ownedDb, expected)));
                        order.add(() -> record(timed, clone, timeClone(server, template.name(), cloned),
                                () -> check("template clone", cloned, expected)));
                        order.add(() -> record(timed, full, timeFull(fullDb, restorer, fullConnection, snapshot),
                                () -> check("full restore", fullDb, expected)));
                        // alternate who goes first, so that no one always finds the caches warm
                        for (int i = 0; i < order.size(); i++) {
                            order.get((i + run) % order.size()).run();
                        }
                    }
                }
                BenchOutput.publish(output, "reset.md", report(new Samples(fast), new Samples(owned), new Samples(clone),
                        new Samples(full), repetitions, MachineFacts.of(template)));
            }
        }
    }

    /** A check of a run's result; it throws when the result is wrong. */
    private interface Check {
        void run() throws SQLException;
    }

    /** Checks the run's result (warm-up too), then keeps its time if the run was a timed one. */
    private static void record(boolean timed, List<Double> samples, double millis, Check check) {
        try {
            check.run();
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a reset's result: " + e.getMessage(), e);
        }
        if (timed) {
            samples.add(millis);
        }
    }

    private static double timeFast(TestDatabase db, FastReset reset) {
        change(db);
        long start = System.nanoTime();
        ResetReport report = reset.reset();
        long end = System.nanoTime();
        if (report.kind() != ResetReport.Kind.FAST || !Set.copyOf(report.tables()).equals(Set.of(CHANGED_A, CHANGED_B))) {
            throw new IllegalStateException("the fast reset did not take the fast path over the 2 tables: " + report);
        }
        return Samples.millis(end - start);
    }

    private static double timeClone(PostgresServer server, String template, TestDatabase db) {
        change(db);
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("DROP DATABASE " + db.name());
            s.execute("CREATE DATABASE " + db.name() + " TEMPLATE " + template);
            return Samples.millis(System.nanoTime() - start);
        } catch (SQLException e) {
            throw new IllegalStateException("template clone failed: " + e.getMessage(), e);
        }
    }

    private static double timeFull(TestDatabase db, SnapshotRestorer restorer, Connection connection, Snapshot snapshot) {
        change(db);
        long start = System.nanoTime();
        RestoreReport report = restorer.restore(connection, snapshot.stored());
        long end = System.nanoTime();
        if (!report.verification().verified()) {
            throw new IllegalStateException("the full restore did not verify: " + report.verification().differences());
        }
        return Samples.millis(end - start);
    }

    /** The "test": rows of 2 of the 50 tables inserted, updated and deleted, their sequences moved. */
    private static void change(TestDatabase db) {
        try {
            db.execute("INSERT INTO " + CHANGED_A + " (parent_id, name, amount, note) SELECT 1, 'new ' || g, g, 'x'"
                    + " FROM generate_series(1, 50) g;"
                    + " UPDATE " + CHANGED_B + " SET amount = amount + 1 WHERE id <= 50;"
                    + " DELETE FROM " + CHANGED_B + " WHERE id BETWEEN 100 AND 119;"
                    + " INSERT INTO " + CHANGED_B + " (parent_id, name, amount, note) VALUES (2, 'one more', 1, 'y')");
        } catch (SQLException e) {
            throw new IllegalStateException("the test's changes failed: " + e.getMessage(), e);
        }
    }

    /** Creates the role that owns the tables of one database; closing drops it (after that database). */
    private static AutoCloseable createOwner(PostgresServer server, String password) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + OWNER);
            s.execute("CREATE ROLE " + OWNER + " LOGIN NOSUPERUSER PASSWORD '" + password + "'");
        }
        return () -> {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + OWNER);
            }
        };
    }

    private static DataSource asOwner(PostgresServer server, TestDatabase db, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(server.jdbcUrl(db.name()));
        source.setUser(OWNER);
        source.setPassword(password);
        return source;
    }

    private static void clone(PostgresServer server, String template, String target) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + target);
            s.execute("CREATE DATABASE " + target + " TEMPLATE " + template);
        }
    }

    private static String schemaAndRows() {
        StringBuilder sql = new StringBuilder("CREATE SCHEMA bench;");
        int perTable = ROWS / TABLES;
        for (int i = 1; i <= TABLES; i++) {
            String table = String.format("bench.t_%02d", i);
            if (i <= REFERENCED) {
                sql.append("CREATE TABLE ").append(table).append(" (id int PRIMARY KEY, code text NOT NULL UNIQUE, name text);")
                        .append("INSERT INTO ").append(table).append(" SELECT g, 'c' || g, 'name ' || g FROM generate_series(1, ")
                        .append(perTable).append(") g;");
            } else {
                String parent = String.format("bench.t_%02d", 1 + i % REFERENCED);
                sql.append("CREATE TABLE ").append(table).append(" (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,")
                        .append(" parent_id int NOT NULL REFERENCES ").append(parent).append(", name text NOT NULL,")
                        .append(" amount numeric(12,2), created timestamptz NOT NULL DEFAULT '2024-01-01', note text);")
                        .append("CREATE INDEX ON ").append(table).append(" (parent_id);")
                        .append("INSERT INTO ").append(table).append(" (parent_id, name, amount, note) SELECT 1 + g % ")
                        .append(perTable).append(", 'row ' || g, g * 1.25, repeat('n', g % 40) FROM generate_series(1, ")
                        .append(perTable).append(") g;");
            }
        }
        return sql.append("ANALYZE;").toString();
    }

    /** Every table's rows and every sequence's position, as the server prints them, must be the template's. */
    private static void check(String way, TestDatabase db, List<String> expected) throws SQLException {
        List<String> actual = DataOracle.describe(db);
        if (!actual.equals(expected)) {
            List<String> differing = new ArrayList<>(actual);
            differing.removeAll(expected);
            throw new IllegalStateException(way + " left " + db.name() + " with other contents than the template's: "
                    + differing);
        }
    }

    private static String report(Samples fast, Samples owned, Samples clone, Samples full, int repetitions,
                                 MachineFacts machine) {
        StringBuilder md = new StringBuilder("# Test reset: dbsnap fast reset vs template clone vs full restore\n\n")
                .append(String.format(Locale.ROOT, "%d tables (%d referenced by the other %d), %,d rows; the test"
                        + " changed 2 tables (50 inserts, 50 updates, 20 deletes, 1 insert). Median of %d repetitions"
                        + " after a warm-up, in alternating order; every result checked against the template's rows"
                        + " and sequences.%n%n", TABLES, REFERENCED, TABLES - REFERENCED, ROWS, repetitions))
                .append("| way | median ms | min ms | max ms | fast reset ÷ this |\n|---|---:|---:|---:|---:|\n");
        row(md, "dbsnap fast reset (`FastReset.reset`), superuser: changed rows put back", fast, fast);
        row(md, "dbsnap fast reset, role that owns the tables (not a superuser: foreign keys checked)", owned, fast);
        row(md, "`DROP DATABASE` + `CREATE DATABASE ... TEMPLATE`", clone, fast);
        row(md, "dbsnap full restore (`SnapshotRestorer`, no safety snapshot)", full, fast);
        md.append(String.format(Locale.ROOT, "%nThe fast reset is %.1f× as fast as the template clone (goal: ≥ 3×) and"
                + " %.1f× as fast as a full restore; for a role that is not a superuser, %.1f× as fast as the template"
                + " clone.%n%n", clone.median() / fast.median(), full.median() / fast.median(),
                clone.median() / owned.median()));
        md.append("Not timed: after a template clone every pooled connection must reconnect; the fast reset keeps"
                + " the database and its connections.\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, %s; %s; %s; %s.%n", machine.cores(), machine.cpu(),
                machine.os(), machine.java(), machine.serverVersion()));
        return md.toString();
    }

    private static void row(StringBuilder md, String way, Samples samples, Samples fast) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f |%n", way, samples.median(), samples.min(),
                samples.max(), fast.median() / samples.median()));
    }
}
