package io.dbsnap.examples;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.store.ObjectCounts;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The README's demo: a throwaway PostgreSQL with a sample application schema, a labelled
 * snapshot of it with its data, a "migration" that goes wrong, the rollback, and the list of
 * snapshots. Needs no database of your own.
 */
public final class Demo {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Demo() {
    }

    public static void main(String[] args) throws SQLException {
        Path snapshots = Path.of(args.length > 0 ? args[0] : "target/demo-snapshots");
        run(snapshots, System.out);
    }

    static List<SnapshotInfo> run(Path snapshotDir, PrintStream out) throws SQLException {
        PostgresServer server = PostgresServer.sharedOrEmbedded();
        out.println("1. PostgreSQL " + server.majorVersion() + " is running: " + server);
        try (TestDatabase db = server.createDatabase("demo")) {
            db.execute(SampleSchemas.demo());
            out.println("2. Loaded the sample schema 'app' (tables, a trigger function, a trigger, an RLS policy) into "
                    + db.name());

            Snapshot taken = Snapshots.create("pre_migration").purpose("before the demo's migration").withData()
                    .in(snapshotDir).from(db.dataSource());
            ObjectCounts objects = taken.metadata().objects().orElseThrow();
            out.printf("3. Took snapshot %s: %d tables, %d functions, %d triggers, %d policies%n", taken.file(),
                    objects.tables(), objects.functions(), objects.triggers(), objects.policies());

            db.execute("DROP TABLE app.notes; CREATE TABLE app.half_done (id int)");
            out.println("4. A migration dropped app.notes and created app.half_done");

            RestoreReport report = Snapshots.in(snapshotDir).latest().restoreTo(db.dataSource());
            out.printf("5. Restored %s in %d ms (%d rows); verified: %s; the state before it is in %s%n",
                    report.snapshot().name().baseName(), report.result().elapsed().toMillis(), report.result().rows(),
                    report.verification().verified(), report.safetySnapshot().map(s -> s.sqlFile().getFileName())
                            .map(Object::toString).orElse("(none)"));

            List<SnapshotInfo> all = Snapshots.in(snapshotDir).list();
            out.println("6. Snapshots in " + snapshotDir.toAbsolutePath() + " (newest first):");
            out.printf("   %-3s %-20s %-24s %10s  %-12s %s%n", "#", "label", "created", "size", "type", "purpose");
            Instant now = Instant.now();
            for (SnapshotInfo s : all) {
                out.printf("   %-3d %-20s %-24s %7.1f kB  %-12s %s%s%n", s.index(), s.label(), WHEN.format(s.created()),
                        s.sizeBytes() / 1024.0, s.type(), s.purpose().orElse(""), s.isRecent(now) ? "  (recent)" : "");
            }
            return all;
        }
    }
}
