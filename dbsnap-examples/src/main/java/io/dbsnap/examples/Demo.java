package io.dbsnap.examples;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.restore.MigrationReport;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The README's demo, on a throwaway PostgreSQL (no database of yours is touched): a sample
 * application schema with rows, a labelled snapshot of it, a migration applied between two
 * snapshots with what it changed, the migration rolled back by restoring the snapshot before it,
 * the list of snapshots, and the three commands to try next on one's own database.
 */
public final class Demo {

    /** The migration the demo applies: a new column, and a dropped one (the risky part, which the rollback undoes). */
    static final String MIGRATION = """
            ALTER TABLE app.notes ADD COLUMN pinned boolean NOT NULL DEFAULT false;
            ALTER TABLE app.accounts DROP COLUMN display_name;
            """;

    /** What to run next, on one's own database: a snapshot, a migration tried, the way back. */
    static final List<String> NEXT_COMMANDS = List.of(
            "dbsnap snapshot before_change --data             # schema and rows, into ./snapshots",
            "dbsnap migrate your_migration.sql --dry-run      # what it would change, and its risks; changes nothing",
            "dbsnap restore before_change                     # the way back, in one transaction");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Demo() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        Path snapshots = Path.of(args.length > 0 ? args[0] : "target/demo-snapshots");
        run(snapshots, System.out);
    }

    /** The demo on a database of its own on the testkit's server, dropped at the end. */
    static List<SnapshotInfo> run(Path snapshotDir, PrintStream out) throws SQLException, IOException {
        try (TestDatabase db = PostgresServer.sharedOrEmbedded().createDatabase("demo")) {
            return run(db, snapshotDir, out);
        }
    }

    /** The demo's steps on {@code db}, which it loads with the sample schema. */
    static List<SnapshotInfo> run(TestDatabase db, Path snapshotDir, PrintStream out) throws SQLException, IOException {
        out.println("""
                dbsnap demo: a throwaway PostgreSQL with a sample application, then what dbsnap is for:
                a snapshot before a migration, the migration between two snapshots with what it changed,
                and the rollback when the release breaks. No database of yours is touched.
                """);
        out.println("1. PostgreSQL " + db.server().majorVersion() + " is running: " + db.server());
        db.execute(SampleSchemas.demo());
        out.println("2. Loaded the sample schema 'app' (2 tables with rows, a trigger function, a trigger, an RLS"
                + " policy) into database " + db.name());

        Snapshot taken = Snapshots.create("pre_release").purpose("before the demo's release").withData()
                .in(snapshotDir).from(db.dataSource());
        ObjectCounts objects = taken.metadata().objects().orElseThrow();
        out.printf("3. Took snapshot %s: %s, %s, %s, %s%n", taken.file(), count(objects.tables(), "table"),
                count(objects.functions(), "function"), count(objects.triggers(), "trigger"),
                count(objects.policies(), "policy", "policies"));

        Path migrations = Files.createDirectories(snapshotDir.toAbsolutePath().resolveSibling("demo-migrations"));
        Path file = Files.writeString(migrations.resolve("V2__pin_notes.sql"), MIGRATION);
        MigrationReport migrated = Snapshots.migration(file).withData().in(snapshotDir).applyTo(db.dataSource());
        out.printf("4. Migrated with %s (%s in one transaction), between snapshots %s and %s.%n"
                        + "   What it changed: %s%n", file.getFileName(),
                count(migrated.result().statements(), "statement"), migrated.before().name().baseName(),
                migrated.after().name().baseName(), migrated.diff().summary());
        migrated.diff().toText().lines().skip(2).forEach(line -> out.println(line.isEmpty() ? "" : "   " + line));

        RestoreReport rolledBack = Snapshots.in(snapshotDir).get(migrated.before().name().baseName())
                .restoreTo(db.dataSource());
        out.printf("5. The release broke: restored %s in %d ms (%s), in one transaction; verified: %s.%n"
                        + "   app.accounts.display_name is back with its values; the state before the rollback is in %s%n",
                rolledBack.snapshot().name().baseName(), rolledBack.elapsed().toMillis(),
                count(rolledBack.result().rows(), "row"), rolledBack.verification().verified(),
                rolledBack.safetySnapshot().map(s -> s.sqlFile().getFileName()).map(Object::toString).orElse("(none)"));

        List<SnapshotInfo> all = Snapshots.in(snapshotDir).list();
        out.println("6. Snapshots in " + snapshotDir.toAbsolutePath() + " (newest first):");
        out.printf("   %-3s %-22s %-24s %10s  %-12s %s%n", "#", "label", "created", "size", "type", "purpose");
        Instant now = Instant.now();
        for (SnapshotInfo s : all) {
            out.printf("   %-3d %-22s %-24s %7.1f kB  %-12s %s%s%n", s.index(), s.label(), WHEN.format(s.created()),
                    s.sizeBytes() / 1024.0, s.type(), s.purpose().orElse(""), s.isRecent(now) ? "  (recent)" : "");
        }

        out.println();
        out.println("Next, on your own database (bin/dbsnap in this repository; build it once with");
        out.println("./mvnw -q -DskipTests package -pl dbsnap-cli -am), with DATABASE_URL=postgresql://user@host:5432/db");
        out.println("and the password in PGPASSWORD or ~/.pgpass:");
        NEXT_COMMANDS.forEach(command -> out.println("  " + command));
        return all;
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
