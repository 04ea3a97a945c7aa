package io.dbsnap.quickstart;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotInfo;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's quick start, as it is written there: the lines between the markers below are the
 * README's code block (QuickStartReadmeTest compares them), run as a program on the database that
 * {@code DATABASE_URL} names, in the working directory's {@code snapshots}, which holds a snapshot
 * labelled {@code baseline} taken earlier.
 */
public final class QuickStart {

    /** What the program reports, through SLF4J as the library logs (the README: choosing a backend). */
    private static final Logger log = LoggerFactory.getLogger(QuickStart.class);

    private QuickStart() {
    }

    public static void main(String[] args) {
        // README quick start: begin
        // log: an org.slf4j.Logger (LoggerFactory.getLogger(YourClass.class)), the logging the library uses too
        // The database: postgresql://app@db:5432/shop, the password from PGPASSWORD or ~/.pgpass, as libpq reads them
        DataSource dataSource = Snapshots.dataSource(System.getenv("DATABASE_URL"));

        // Take a snapshot: schema only by default; .withData() for schema and rows
        Snapshot s = Snapshots.create("pre_migration")         // label: 1-100 of A-Z a-z 0-9 . _ -
                .purpose("before adding user_roles")           // recorded in the metadata, shown in listings
                .withData()
                .schemas("public", "auth")                     // optional; .tables("public.users"), .excludeTables(...)
                .gzip()                                        // .sql.gz instead of .sql
                .in(Path.of("snapshots"))                      // default: $DBSNAP_DIR, else ./snapshots
                .from(dataSource);                             // or .from("postgresql://app@db:5432/shop?sslmode=require")

        // List (newest first, numbered from 1; damaged entries say what is wrong) and pick
        List<SnapshotInfo> all = Snapshots.in(Path.of("snapshots")).list();
        Snapshot latest = Snapshots.in(Path.of("snapshots")).latest();   // or .get("3"), .get("pre_migration"), .get(fileName)

        // Roll back: checked, exact, in one transaction, with a safety snapshot "before_restore" first
        RestoreReport r = latest.restoreTo(dataSource);        // or .restoreTo(url), .restoreTo(ds, RestoreOptions...)
        log.info("verified: {}", r.verification().verified()); // true: catalog, owners, grants and row counts match

        // Compare: two snapshots (from their files, no server), or a snapshot and the live database
        DiffReport d = Snapshots.in(Path.of("snapshots")).diff("baseline", "pre_migration");
        DiffReport drift = Snapshots.in(Path.of("snapshots")).get("baseline").diffWith(dataSource);
        log.info("{} / {}", d.summary(), drift.summary());

        // Clean up: see what would go, then delete it
        CleanupPlan p = Snapshots.in(Path.of("snapshots")).cleanup(RetentionPolicy.standard()).dryRun();
        log.info("{}", p.describe());                          // keep/delete, with the reason each one stays
        Snapshots.in(Path.of("snapshots")).cleanup(RetentionPolicy.standard()).apply();
        // README quick start: end
        log.info("{} snapshots listed before the restore, {} taken", all.size(), s.name());
    }
}
