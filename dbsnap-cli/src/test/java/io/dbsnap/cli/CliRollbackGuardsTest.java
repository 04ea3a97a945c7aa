package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards on rollbacks, on a real server: an emergency rollback undoes the last dbsnap
 * operation (after a migration its before_ snapshot, never the after_ one; after a restore the
 * snapshot restored), and a schema-only snapshot restored over tables that hold rows keeps them
 * (a schema rollback, what it loses listed and confirmed), --discard-data empties them.
 * "Unchanged" and "as before" are judged by pg_dump; row counts by the server's own count(*).
 */
class CliRollbackGuardsTest {

    @TempDir
    Path dir;

    @Test
    void emergencyRollbackAfterAMigrationRestoresItsBeforeSnapshotNotTheAfterOne() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_rollback_migrate")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            Path migration = Files.writeString(dir.resolve("V7__points.sql"),
                    "ALTER TABLE app.users ADD COLUMN points int NOT NULL DEFAULT 0;\nCREATE TABLE app.rewards (id int);\n"
                            + "INSERT INTO app.rewards VALUES (1);\n");
            String beforeMigration = PgDump.run(db, "--no-owner");
            CliRunner.Run migrated = cli.run("migrate", migration.toString(), "--data");
            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            assertThat(PgDump.run(db, "--no-owner")).isNotEqualTo(beforeMigration);

            CliRunner.Run run = cli.run("rollback", "--emergency");

            assertThat(run.exitCode()).as(run.err()).isZero();
            // the migration's column, table and row are gone, the rows from before it are all there
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(beforeMigration);
            assertThat(run.err()).contains("Rolling back to ").contains("_before_V7__points: the last dbsnap operation was"
                    + " a migration").contains("passed over ").contains("_after_V7__points (the state a migration made)");
            assertThat(run.out()).contains("Emergency rollback: restored ").contains("_before_V7__points into ");

            // the last dbsnap operation is now that rollback: a second one restores the same snapshot
            db.execute("UPDATE app.users SET name = 'changed'");
            CliRunner.Run again = cli.run("rollback", "--emergency");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.err()).contains("_before_V7__points: the last dbsnap operation on this database was an"
                    + " emergency rollback to it");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(beforeMigration);
        }
    }

    @Test
    void emergencyRollbackToASchemaOnlyBeforeSnapshotKeepsTheRowsAndDiscardDataEmptiesThem() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_rollback_schema_only")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            Path migration = Files.writeString(dir.resolve("V8__nickname.sql"),
                    "ALTER TABLE app.users ADD COLUMN nickname text;\n");
            String schemaBefore = PgDump.run(db, "--no-owner", "--schema-only");
            long users = count(db, "app.users");
            long audit = count(db, "app.audit");
            assertThat(users).isPositive();
            assertThat(cli.run("migrate", migration.toString()).exitCode()).isZero();

            CliRunner.Run kept = cli.run("rollback", "--emergency");

            assertThat(kept.exitCode()).as(kept.err()).isZero();
            assertThat(kept.err()).contains("Rolling back to ").contains("_before_V8__nickname")
                    .contains("column app.users.nickname").doesNotContain("EMPTIED");
            assertThat(PgDump.run(db, "--no-owner", "--schema-only")).isEqualTo(schemaBefore);
            assertThat(count(db, "app.users")).isEqualTo(users);
            assertThat(count(db, "app.audit")).isEqualTo(audit);

            CliRunner.Run discarded = cli.run("rollback", "--emergency", "--discard-data");

            assertThat(discarded.exitCode()).as(discarded.err()).isZero();
            assertThat(discarded.out()).contains("_before_V8__nickname into ");
            assertThat(discarded.err()).contains("EMPTIED: 2 tables").contains("--discard-data was given");
            assertThat(PgDump.run(db, "--no-owner", "--schema-only")).isEqualTo(schemaBefore);
            assertThat(count(db, "app.users")).isZero();
            assertThat(count(db, "app.audit")).isZero();
        }
    }

    @Test
    void emergencyRollbackAfterMigrateUndoesTheMigrationAndKeepsTheRows() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_rollback_keep_data")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            Path migration = Files.writeString(dir.resolve("V9__nickname.sql"),
                    "ALTER TABLE app.users ADD COLUMN nickname text;\nUPDATE app.users SET nickname = 'nick';\n");
            String before = PgDump.run(db, "--no-owner");
            assertThat(cli.run("migrate", migration.toString()).exitCode()).isZero();
            assertThat(PgDump.run(db, "--no-owner")).isNotEqualTo(before);

            // no flag: keeping the rows is the default (--keep-data is still accepted and means the same)
            CliRunner.Run rollback = cli.run("rollback", "--emergency");

            assertThat(rollback.exitCode()).as(rollback.err()).isZero();
            assertThat(rollback.err()).contains("_before_V9__nickname").contains("column app.users.nickname");
            // schema and every row as before the migration: pg_dump of both, rows included
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
        }
    }

    @Test
    void aSchemaOnlyRestoreOverRowsKeepsThemListingWhatIsLostAndDiscardDataEmptiesThem() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore_schema_only")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "base").exitCode()).isZero();
            String schemaAtSnapshot = PgDump.run(db, "--no-owner", "--schema-only");
            db.execute("CREATE TABLE app.later (id int); INSERT INTO app.later VALUES (1), (2);"
                    + " INSERT INTO app.users VALUES (4, 'dee', 'sad')");
            long users = count(db, "app.users");
            long audit = count(db, "app.audit");
            String now = PgDump.run(db, "--no-owner");
            List<String> files = snapshotFiles();

            // without a terminal the confirmation is --yes: without it, nothing changes
            CliRunner.Run unconfirmed = cli.run("restore", "base");

            assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(unconfirmed.err()).contains("What will be lost:").contains("DROPPED: ")
                    .contains("table app.later (2 rows)").doesNotContain("EMPTIED");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);
            assertThat(snapshotFiles()).isEqualTo(files);

            CliRunner.Run kept = cli.run("restore", "base", "--yes");

            assertThat(kept.exitCode()).as(kept.err()).isZero();
            assertThat(kept.err()).contains("table app.later (2 rows)").doesNotContain("EMPTIED");
            assertThat(kept.out()).contains("Verified").contains("Safety snapshot: ");
            assertThat(PgDump.run(db, "--no-owner", "--schema-only")).isEqualTo(schemaAtSnapshot);
            assertThat(count(db, "app.users")).isEqualTo(users);
            assertThat(count(db, "app.audit")).isEqualTo(audit);

            CliRunner.Run restored = cli.run("restore", "base", "--yes", "--discard-data");

            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(restored.err()).contains("EMPTIED: 2 tables")
                    .contains("--discard-data was given: their rows are discarded").doesNotContain("refused unless");
            assertThat(PgDump.run(db, "--no-owner", "--schema-only")).isEqualTo(schemaAtSnapshot);
            assertThat(count(db, "app.users")).isZero();
            assertThat(count(db, "app.audit")).isZero();
        }
    }

    @Test
    void theRestorePlanOfASnapshotWithDataListsTheObjectsDroppedAndNoTableEmptied() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore_plan")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "with_rows", "--data").exitCode()).isZero();
            String atSnapshot = PgDump.run(db, "--no-owner");
            db.execute("CREATE TABLE app.later (id int); INSERT INTO app.later VALUES (1);"
                    + " CREATE FUNCTION app.later_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'; DELETE FROM app.users");

            CliRunner.Run restored = cli.run("restore", "with_rows", "--yes");

            assertThat(restored.exitCode()).as(restored.err()).isZero();
            assertThat(restored.err()).contains("What will be lost:").contains("EMPTIED: 1 table, 1 row in all")
                    .contains("app.later: 1 row").contains("DROPPED: ").contains("table app.later")
                    .contains("function app.later_fn()").doesNotContain("app.users: ");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(atSnapshot);
        }
    }

    @Test
    void emergencyRollbackAfterARestoreReturnsToTheSnapshotRestoredNotTheNewest() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_rollback_restore")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "v1", "--data").exitCode()).isZero();
            String v1 = PgDump.run(db, "--no-owner");
            db.execute("CREATE TABLE app.v2 (id int)");
            assertThat(cli.run("snapshot", "v2", "--data").exitCode()).isZero();
            CliRunner.Run back = cli.run("restore", "v1", "--yes");
            assertThat(back.exitCode()).as(back.err()).isZero();
            db.execute("DROP TABLE app.users CASCADE");

            CliRunner.Run run = cli.run("rollback", "--emergency");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("_v1: the last dbsnap operation on this database was a restore to it");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(v1);
        }
    }

    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file in the directory, sorted: what a refused restore must leave as it was. */
    private List<String> snapshotFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
