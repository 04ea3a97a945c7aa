package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.restore.DryRunReport;
import io.dbsnap.restore.MigrationReport;
import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations through the fluent API, on a real server. */
class MigrationApiTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunChangesNothingAndTheMigrationThenLeavesItsSnapshotsAndDiffInTheDirectory() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("fluent_migrate")) {
            db.execute("CREATE TABLE public.items (id int PRIMARY KEY, name text); INSERT INTO public.items VALUES (1, 'a')");
            Path migration = Files.writeString(dir.resolve("V2__prices.sql"),
                    "ALTER TABLE public.items ADD COLUMN price numeric(10,2) NOT NULL DEFAULT 0;\n");
            Path snapshots = dir.resolve("snapshots");
            String before = PgDump.run(db);
            PostgresServer server = PostgresServer.shared();
            String url = "postgresql://" + db.user() + ":" + db.password() + "@" + server.host() + ":" + server.port()
                    + "/" + db.name();

            DryRunReport dry = Snapshots.migration(migration).in(snapshots).dryRun(url);

            assertThat(dry.diff().changes()).extracting(Object::toString).containsExactly("+ column public.items.price");
            assertThat(PgDump.run(db)).isEqualTo(before);
            assertThat(snapshots).doesNotExist();

            MigrationReport applied = Snapshots.migration(migration).withData().lockTimeout(Duration.ofSeconds(2))
                    .in(snapshots).applyTo(db.dataSource());

            assertThat(applied.diff().changes()).extracting(Object::toString).containsExactly("+ column public.items.price");
            assertThat(Snapshots.in(snapshots).list()).extracting(SnapshotInfo::label)
                    .containsExactly("after_V2__prices", "before_V2__prices");
            assertThat(Snapshots.in(snapshots).get("before_V2__prices").metadata().type()).isEqualTo("schema+data");
            assertThat(applied.diffMarkdown()).exists().hasParent(snapshots);
            assertThat(applied.diffPatch()).exists().hasParent(snapshots);

            // the way back: the snapshot before
            Snapshots.in(snapshots).get("before_V2__prices").restoreTo(db.dataSource());
            assertThat(PgDump.run(db)).isEqualTo(before);
        }
    }
}
