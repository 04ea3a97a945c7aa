package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbsnap diff and verify on a real server. The expected changes are those of the migration the
 * test runs (a column added, one dropped, a row inserted), written here by hand.
 */
class CliDiffVerifyTest {

    private static final String MIGRATION = "ALTER TABLE app.users ADD COLUMN email text; DROP VIEW app.happy_users;"
            + " ALTER TABLE app.users DROP COLUMN mood; INSERT INTO app.users VALUES (4, 'dee', 'dee@example.com')";

    @TempDir
    Path dir;

    @Test
    void diffOfTwoSnapshotsAndOfASnapshotAndTheLiveDatabaseInEveryFormat() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_diff")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "before", "--data").exitCode()).isZero();
            db.execute(MIGRATION);
            assertThat(cli.run("snapshot", "after", "--data").exitCode()).isZero();

            CliRunner.Run text = cli.run("diff", "before", "after");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("email").contains("mood");

            JsonNode json = new ObjectMapper().readTree(cli.run("diff", "before", "after", "--format", "json").out());
            assertThat(columnChanges(json)).containsExactlyInAnyOrder("added users.email", "removed users.mood");
            assertThat(risksOf(json, "mood")).containsExactly("column_removed");
            assertThat(risksOf(json, "email")).isEmpty();
            // the insert (and the audit row its trigger wrote) changed both tables' row counts
            assertThat(json.get("summary").get("data_changes").asInt()).isEqualTo(2);

            assertThat(cli.run("diff", "2", "1", "--format", "markdown").out()).contains("|").contains("email");

            CliRunner.Run unified = cli.run("diff", "before", "latest", "--format", "unified");
            assertThat(unified.exitCode()).isZero();
            assertThat(unified.out().lines()).anyMatch(l -> l.startsWith("---") && l.endsWith("_before.sql"))
                    .anyMatch(l -> l.startsWith("+") && l.contains("email text"))
                    .anyMatch(l -> l.startsWith("-") && l.contains("mood app.mood"));

            db.execute("ALTER TABLE app.users ADD COLUMN phone text");
            String live = CliRunner.url(db);
            JsonNode drift = new ObjectMapper().readTree(cli.run("diff", "after", live, "--format", "json").out());
            assertThat(columnChanges(drift)).containsExactly("added users.phone");
            assertThat(drift.get("after").asText()).isEqualTo(db.user() + "@" + db.server().host() + ":"
                    + db.server().port() + "/" + db.name());

            CliRunner.Run liveUnified = cli.run("diff", "after", CliRunner.jdbcUrl(db), "--format", "unified");
            assertThat(liveUnified.exitCode()).as(liveUnified.err()).isZero();
            // the one column added, after the one before it gained a comma
            assertThat(liveUnified.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")))
                    .containsExactly("-    email text");
            assertThat(liveUnified.out().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")))
                    .containsExactly("+    email text,", "+    phone text");
        }
    }

    @Test
    void diffAsSqlIsTheMigrationBackToTheSnapshot() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_diff_sql")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "base").exitCode()).isZero();
            db.execute(MIGRATION);

            CliRunner.Run sql = cli.run("diff", CliRunner.url(db), "base", "--format", "sql");

            assertThat(sql.exitCode()).as(sql.err()).isZero();
            assertThat(sql.out()).contains("LOSES DATA").contains("-- hazard: DATA_LOSS").contains("DROP COLUMN email")
                    .contains("ADD COLUMN mood").doesNotContain("DROP TABLE");
            Psql.runFile(db, Files.writeString(dir.resolve("back.sql"), sql.out()));
            CliRunner.Run verified = cli.run("verify", "base", "--url", CliRunner.url(db));
            assertThat(verified.exitCode()).as(verified.out()).isZero();
            assertThat(verified.out()).contains("Database OK");
        }
    }

    @Test
    void verifyChecksTheChecksumAndWithUrlTheLiveDatabaseExiting3OnADifference() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_verify")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "base").exitCode()).isZero();

            CliRunner.Run ok = cli.run("verify", "base", "--url", CliRunner.url(db));
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("Checksum OK").contains("Database OK");

            db.execute(MIGRATION);
            // without --url only the file is checked, even with a URL in the environment
            assertThat(cli.run("verify", "base").exitCode()).isZero();
            CliRunner.Run drifted = cli.run("verify", "base", "--url", CliRunner.url(db));
            assertThat(drifted.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(drifted.out()).contains("Database DIFFERS").contains("email");

            Path file;
            try (Stream<Path> files = Files.list(dir)) {
                file = files.filter(p -> p.getFileName().toString().endsWith("_base.sql")).findFirst().orElseThrow();
            }
            Files.writeString(file, Files.readString(file) + "-- changed\n");
            CliRunner.Run damaged = cli.run("verify", "1");
            assertThat(damaged.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(damaged.err()).contains("Verification FAILED").contains("truncated or was changed");
        }
    }

    @Test
    void anEditedCatalogFailsVerificationInsteadOfBlamingTheLiveDatabase() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_verify_catalog")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "base").exitCode()).isZero();
            Path catalog;
            try (Stream<Path> files = Files.list(dir)) {
                catalog = files.filter(p -> p.getFileName().toString().endsWith("_base.catalog.json")).findFirst()
                        .orElseThrow();
            }
            // still a valid catalog, of a table that is not there: only the fingerprint can tell
            String json = Files.readString(catalog);
            assertThat(json).contains("\"users\"");
            Files.writeString(catalog, json.replace("\"users\"", "\"customers\""));

            CliRunner.Run verified = cli.run("verify", "base", "--url", CliRunner.url(db));

            assertThat(verified.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(verified.err()).contains("Verification FAILED").contains("schema_fingerprint")
                    .contains(catalog.getFileName().toString());
            assertThat(verified.out()).doesNotContain("Database DIFFERS").doesNotContain("customers");
            CliRunner.Run diff = cli.run("diff", "base", CliRunner.url(db));
            assertThat(diff.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(diff.err()).contains("schema_fingerprint");
        }
    }

    /** The risk codes of the change to column {@code name}. */
    private static List<String> risksOf(JsonNode json, String name) {
        List<String> codes = new ArrayList<>();
        for (JsonNode change : json.get("changes")) {
            if (change.get("kind").asText().equals("column") && change.get("name").asText().equals(name)) {
                change.get("risks").forEach(r -> codes.add(r.get("code").asText()));
            }
        }
        return codes;
    }

    /** "added users.email" for each column change of a diff's JSON. */
    private static List<String> columnChanges(JsonNode json) {
        List<String> found = new ArrayList<>();
        for (JsonNode change : json.get("changes")) {
            if (change.get("kind").asText().equals("column")) {
                found.add(change.get("action").asText() + " " + change.get("table").asText() + "."
                        + change.get("name").asText());
            }
        }
        return found;
    }
}
