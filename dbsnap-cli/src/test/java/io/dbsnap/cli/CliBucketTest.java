package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.S3Server;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against a bucket (S3Proxy, reached with the real AWS SDK) as against a directory:
 * {@code s3://bucket/prefix} as {@code DBSNAP_DIR} and as {@code --dir}. pg_dump judges the restore.
 */
class CliBucketTest {

    @TempDir
    Path dir;

    /** Neither the database's password nor the bucket's secret key may ever be printed. */
    private static CliRunner runner() {
        return new CliRunner(PostgresServer.shared().password(), S3Server.SECRET_KEY);
    }

    @Test
    void snapshotListShowVerifyDiffRestoreAndMigrateWorkOnABucket() throws Exception {
        S3Server s3 = S3Server.shared().configureThisJvm();
        String bucket = "s3://" + s3.newBucket() + "/supabase/main";
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_bucket")) {
            db.execute(Fixture.SCHEMA);
            String before = PgDump.run(db);
            CliRunner cli = runner().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", bucket);

            CliRunner.Run snapshot = cli.run("snapshot", "nightly", "--data", "--gzip");
            assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
            assertThat(snapshot.out()).containsPattern("Snapshot created: " + bucket + "/\\d{8}_\\d{6}_nightly\\.sql\\.gz");
            db.execute("DROP VIEW app.happy_users; DELETE FROM app.users; CREATE TABLE app.user_roles (id int)");
            String broken = PgDump.run(db);

            CliRunner.Run list = cli.run("list");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("Snapshots in " + bucket).contains("nightly");
            assertThat(cli.run("list", "--json").out()).contains("\"nightly\"");
            assertThat(cli.run("show", "latest").out()).contains("nightly").contains("schema+data");

            CliRunner.Run verify = cli.run("verify", "latest");
            assertThat(verify.exitCode()).as(verify.err()).isZero();
            assertThat(verify.out()).contains("Checksum OK: " + bucket + "/").contains("Catalog OK");

            CliRunner.Run diff = cli.run("diff", "nightly", CliRunner.url(db));
            assertThat(diff.out() + diff.err()).contains("user_roles");

            CliRunner.Run restored = cli.withoutTerminal().run("restore", "nightly", "--yes");
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("Restored ").contains("Safety snapshot: " + bucket + "/");
            assertThat(PgDump.run(db)).isEqualTo(before).isNotEqualTo(broken);

            // --dir names the bucket as well as DBSNAP_DIR
            CliRunner.Run listed = runner().run("list", "--dir", bucket);
            assertThat(listed.out()).contains("before_restore").contains("nightly");

            Path migration = Files.writeString(dir.resolve("V2__points.sql"),
                    "ALTER TABLE app.users ADD COLUMN points int NOT NULL DEFAULT 0;\n");
            CliRunner.Run migrated = cli.run("migrate", migration.toString());
            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            assertThat(migrated.out()).contains("Before: " + bucket + "/").contains("After:  " + bucket + "/");
            assertThat(cli.run("list", "--json").out()).contains("\"before_V2__points\"").contains("\"after_V2__points\"");
            CliRunner.Run migrationDiff = cli.run("diff", "before_V2__points", "after_V2__points");
            assertThat(migrationDiff.out()).contains("points");
        }
    }
}
