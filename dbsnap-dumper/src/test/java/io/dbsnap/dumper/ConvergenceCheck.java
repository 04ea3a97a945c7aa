package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Table;
import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.Subject;
import io.dbsnap.diff.SubjectKind;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Runs one case of the convergence corpus: loads A (with its rows) and B into two fresh databases,
 * plans the migration from A's catalog to B's, applies it to A in one transaction, and judges A
 * after it against B three ways: the schema as pg_dump prints it (see {@link ComparableSchema}),
 * {@link SchemaDiff} of the catalogs read again, and the rows of every common column
 * ({@link CommonColumnRows}). The first failing check is the case's outcome.
 */
final class ConvergenceCheck {

    private static final int SHOWN_LINES = 8;

    private final BiFunction<Catalog, Catalog, MigrationPlan> planner;
    private final PostgresServer server;
    private final Path workDir;
    private final boolean pgDumpReadsServer;
    private final Set<String> createdRoles = new LinkedHashSet<>();
    private final Map<String, Long> nanosPerPhase = new ConcurrentHashMap<>();
    /** A database of the run's own, to create and drop the cases' roles through. */
    private final TestDatabase control;

    ConvergenceCheck(PostgresServer server, Path workDir) {
        this(server, workDir, MigrationPlanner::plan);
    }

    /** With another planner than {@link MigrationPlanner}: for tests of this oracle itself. */
    ConvergenceCheck(PostgresServer server, Path workDir, BiFunction<Catalog, Catalog, MigrationPlan> planner) {
        this.planner = planner;
        this.server = server;
        this.workDir = workDir;
        this.control = server.createDatabase("conv_control");
        this.pgDumpReadsServer = PgDump.majorVersion() >= server.majorVersion();
    }

    /** Whether schemas are compared with pg_dump (else with the catalog oracle). */
    boolean usesPgDump() {
        return pgDumpReadsServer;
    }

    ConvergenceOutcome run(MigrationCase c) throws IOException, SQLException {
        createRoles(c.roles());
        long t = System.nanoTime();
        try (TestDatabase a = server.createDatabase("conv_a"); TestDatabase b = server.createDatabase("conv_b")) {
            t = phase("create databases", t);
            String loadFailure = load(a, "A", c.a() + "\n" + c.rows());
            if (loadFailure == null) {
                loadFailure = load(b, "B", c.b());
            }
            if (loadFailure != null) {
                return ConvergenceOutcome.broken(c.name(), loadFailure);
            }
            t = phase("load sides", t);
            try (Connection ca = a.connect(); Connection cb = b.connect()) {
                Catalog catalogA = CatalogReader.allSchemas().read(ca);
                Catalog catalogB = CatalogReader.allSchemas().read(cb);
                t = phase("read catalogs", t);
                CommonColumnRows common = CommonColumnRows.between(ca, cb);
                List<String> rowsBefore = common.describe(ca);
                t = phase("rows", t);

                MigrationPlan plan = planner.apply(catalogA, catalogB);
                if (c.identical() && !plan.isEmpty()) {
                    return ConvergenceOutcome.diverged(c.name(), "A and B are the same, yet the plan has "
                            + plan.steps().size() + " steps:\n" + plan.toSql());
                }
                String applyFailure = apply(plan, ca);
                if (applyFailure != null) {
                    return ConvergenceOutcome.diverged(c.name(), applyFailure);
                }

                t = phase("plan and apply", t);
                // With no step run, A is as it was read: its catalog is A's, and SchemaDiff (cheaper
                // than two pg_dump runs) goes first. Otherwise pg_dump first, as the independent judge.
                Catalog catalogAfter = plan.isEmpty() ? catalogA : null;
                if (catalogAfter != null) {
                    String diff = schemaDiff(catalogAfter, catalogB, catalogA);
                    if (diff != null) {
                        return ConvergenceOutcome.diverged(c.name(), diff);
                    }
                }
                // pg_dump --schema-only writes every materialized view WITH NO DATA: whether one
                // is populated is compared here.
                String populated = difference(String.join("\n", populatedStates(ca)), String.join("\n", populatedStates(cb)));
                if (populated != null) {
                    return ConvergenceOutcome.diverged(c.name(), "materialized views populated differently:\n" + populated);
                }
                String schemaDifference = difference(ComparableSchema.of(a, pgDumpReadsServer),
                        ComparableSchema.of(b, pgDumpReadsServer));
                t = phase("pg_dump", t);
                if (schemaDifference != null) {
                    return ConvergenceOutcome.diverged(c.name(), "the schema of A after the plan ("
                            + plan.steps().size() + " steps) differs from B's ("
                            + (pgDumpReadsServer ? "pg_dump --schema-only" : "catalog oracle") + "):\n"
                            + schemaDifference);
                }
                if (catalogAfter == null) {
                    String diff = schemaDiff(CatalogReader.allSchemas().read(ca), catalogB, catalogA);
                    t = phase("read catalogs", t);
                    if (diff != null) {
                        return ConvergenceOutcome.diverged(c.name(), diff);
                    }
                }
                List<String> rowsAfter;
                try {
                    rowsAfter = common.describe(ca);
                } catch (SQLException e) {
                    return ConvergenceOutcome.diverged(c.name(), "the rows of the common columns cannot be read after"
                            + " the plan: " + e.getMessage());
                }
                if (!rowsAfter.equals(rowsBefore)) {
                    return ConvergenceOutcome.diverged(c.name(), "rows of common columns changed:\n"
                            + difference(String.join("\n", rowsBefore), String.join("\n", rowsAfter)));
                }
                phase("rows", t);
                return ConvergenceOutcome.converged(c.name());
            }
        } finally {
            phase("drop databases", t);
        }
    }

    /** Where the run's time went, per phase, in milliseconds. */
    Map<String, Long> millisPerPhase() {
        Map<String, Long> millis = new LinkedHashMap<>();
        nanosPerPhase.forEach((k, v) -> millis.put(k, v / 1_000_000));
        return millis;
    }

    private long phase(String name, long since) {
        long now = System.nanoTime();
        nanosPerPhase.merge(name, now - since, Long::sum);
        return now;
    }

    /**
     * Drops the roles the cases created (they are cluster-wide, and the cluster may be shared) and
     * the control database.
     */
    synchronized void close() throws SQLException {
        try (Connection c = control.connect(); Statement s = c.createStatement()) {
            for (String role : createdRoles) {
                s.execute("DROP ROLE IF EXISTS " + quote(role));
            }
        } finally {
            createdRoles.clear();
            control.close();
        }
    }

    private static List<String> populatedStates(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT oid::regclass::text || CASE WHEN relispopulated THEN ' populated' ELSE ' not populated' END"
                        + " FROM pg_catalog.pg_class WHERE relkind = 'm' ORDER BY 1")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /**
     * SchemaDiff of A after the plan against B, less the one difference allowed (as in
     * {@link ComparableSchema}): the order of a table's columns when columns were added to it (they
     * come last) and the columns A had keep their order.
     */
    private static String schemaDiff(Catalog after, Catalog expected, Catalog before) {
        DiffReport diff = SchemaDiff.compare(after, expected);
        List<Change> left = diff.changes().stream().filter(change -> !onlyAddedColumnsMoved(change, expected, before)).toList();
        if (left.isEmpty()) {
            return null;
        }
        return "SchemaDiff of A after the plan against B is not empty:\n" + (left.size() == diff.changes().size()
                ? diff.toText() : left.stream().map(Change::toString).collect(Collectors.joining("\n")));
    }

    private static boolean onlyAddedColumnsMoved(Change change, Catalog expected, Catalog before) {
        if (change.subject().kind() != SubjectKind.TABLE
                || !change.differences().stream().allMatch(d -> d.aspect().equals("column order"))) {
            return false;
        }
        Optional<Table> target = table(expected, change.subject());
        Optional<Table> original = table(before, change.subject());
        if (target.isEmpty() || original.isEmpty()) {
            return false;
        }
        List<String> had = original.get().columns().stream().map(Column::name).toList();
        List<String> wanted = target.get().columns().stream().map(Column::name).toList();
        boolean added = wanted.stream().anyMatch(name -> !had.contains(name));
        List<String> hadInWantedOrder = wanted.stream().filter(had::contains).toList();
        return added && hadInWantedOrder.equals(had.stream().filter(wanted::contains).toList());
    }

    private static Optional<Table> table(Catalog catalog, Subject subject) {
        return catalog.tables().stream()
                .filter(t -> t.name().schema().equals(subject.schema()) && t.name().name().equals(subject.name()))
                .findFirst();
    }

    /** psql, stopping at the first error; returns the failure in words, or null. */
    private String load(TestDatabase db, String side, String sql) throws IOException {
        Path file = workDir.resolve(db.name() + "-" + side + ".sql");
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        try {
            Psql.runFile(db, file);
            return null;
        } catch (IllegalStateException e) {
            return "side " + side + " does not load: " + e.getMessage();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The plan's steps in one transaction; on any failure the transaction is rolled back and the
     * failing step is named. Returns the failure in words, or null when every step ran (committed).
     */
    private static String apply(MigrationPlan plan, Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        int number = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '10s'");
            for (MigrationStep step : plan.steps()) {
                number++;
                s.execute(step.sql());
            }
            connection.commit();
            return null;
        } catch (SQLException e) {
            connection.rollback();
            MigrationStep step = plan.steps().get(Math.max(0, number - 1));
            String sql = step.sql().length() > 200 ? step.sql().substring(0, 200) + "..." : step.sql();
            return "step " + number + " of " + plan.steps().size() + " failed and the plan was rolled back: " + sql
                    + "\n  " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")";
        } catch (RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private synchronized void createRoles(List<String> roles) throws SQLException {
        try (Connection c = control.connect();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?");
             Statement s = c.createStatement()) {
            for (String role : roles) {
                if (createdRoles.contains(role)) {
                    continue;
                }
                exists.setString(1, role);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        s.execute("CREATE ROLE " + quote(role) + " NOLOGIN");
                    }
                }
                createdRoles.add(role);
            }
        }
    }

    /** The lines only in one of the two texts (a few of each), or null when they are equal. */
    static String difference(String actual, String expected) {
        if (actual.equals(expected)) {
            return null;
        }
        List<String> actualLines = new ArrayList<>(actual.lines().toList());
        List<String> expectedLines = new ArrayList<>(expected.lines().toList());
        List<String> onlyActual = actualLines.stream().filter(l -> !expectedLines.contains(l)).limit(SHOWN_LINES).toList();
        List<String> onlyExpected = expectedLines.stream().filter(l -> !actualLines.contains(l)).limit(SHOWN_LINES).toList();
        StringBuilder out = new StringBuilder();
        onlyActual.forEach(l -> out.append("  - ").append(l).append('\n'));
        onlyExpected.forEach(l -> out.append("  + ").append(l).append('\n'));
        if (out.length() == 0) {
            out.append("  (the same lines in another order)\n");
        }
        return out.toString();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
