package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbsnap snapshot, list and show on a real server, and where the URL and directory come from. */
class CliSnapshotTest {

    private static TestDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws Exception {
        db = PostgresServer.shared().createDatabase("cli_snapshot");
        db.execute(Fixture.SCHEMA);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void snapshotReportsFileSizeLabelCountsAndHowToRestoreAsTheSeedsDid() throws Exception {
        CliRunner.Run run = CliRunner.forServer().run("snapshot", "pre_migration", "--purpose", "before adding user_roles",
                "--url", CliRunner.url(db), "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = onlyFile(".sql");
        assertThat(file.getFileName().toString()).matches("\\d{8}_\\d{6}_pre_migration\\.sql");
        String name = file.getFileName().toString().replace(".sql", "");
        long size = Files.size(file);
        assertThat(run.out()).contains("Snapshot created: " + file)
                .contains("File:      " + file + "\n")
                .contains("Size:      " + String.format(Locale.ROOT, "%.1f kB", size / 1024.0) + "\n")
                .contains("Label:     pre_migration\n")
                .contains("Purpose:   before adding user_roles\n")
                .contains("Type:      schema-only\n")
                .contains("  - 2 tables\n", "  - 2 functions\n", "  - 1 policy\n")
                .contains("To restore this snapshot:\n  dbsnap restore " + name + " --dir " + dir + "\n")
                .contains("psql -v ON_ERROR_STOP=1 --single-transaction -d EMPTY_DATABASE_URL -f " + name + ".sql")
                .contains(dir.resolve(name + ".meta.yaml").toString());
        assertThat(Files.readString(file)).contains("CREATE TABLE app.users").doesNotContain("COPY ");
    }

    @Test
    void dataGzipAndFiltersReachTheSnapshot() throws Exception {
        CliRunner cli = CliRunner.forServer();
        CliRunner.Run run = cli.run("snapshot", "nightly", "--data", "--gzip", "--schema", "app",
                "--exclude-table", "app.audit", "--url", CliRunner.url(db), "--dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(onlyFile(".sql.gz").getFileName().toString()).endsWith("_nightly.sql.gz");
        assertThat(run.out()).contains("Type:      schema+data, gzip").contains("  - 1 table\n")
                .contains("  - 3 rows in 1 table\n");
        CliRunner.Run shown = cli.run("show", "nightly", "--dir", dir.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).containsPattern("app\\.users\\s+\\|\\s+3\n").doesNotContainPattern("app\\.audit\\s+\\|")
                .containsPattern("tables\\s+\\|\\s+1\n").contains("schemas app; tables all; excluding app.audit");
    }

    @Test
    void ownersAndPrivilegesAreRecordedUnlessToldNot() throws Exception {
        db.execute("GRANT SELECT ON app.users TO PUBLIC");
        CliRunner cli = CliRunner.forServer();
        assertThat(cli.run("snapshot", "plain", "--no-owner", "--no-acl", "--url", CliRunner.url(db), "--dir",
                dir.toString()).exitCode()).isZero();
        assertThat(cli.run("snapshot", "full", "--table", "app.users",
                "--exclude-table-data", "app.users", "--data", "--url", CliRunner.url(db), "--dir", dir.toString())
                .exitCode()).isZero();

        String plain = Files.readString(onlyFile("_plain.sql"));
        String full = Files.readString(onlyFile("_full.sql"));
        assertThat(plain).doesNotContain("OWNER TO").doesNotContain("GRANT SELECT");
        assertThat(full).contains("OWNER TO").contains("GRANT SELECT ON TABLE app.users TO PUBLIC")
                .doesNotContain("CREATE TABLE app.audit").doesNotContain("COPY app.users");
    }

    @Test
    void listShowsIndexLabelCreatedAgeSizeTypeAndPurposeNewestFirstAndTheSameAsJson() throws Exception {
        CliRunner cli = CliRunner.forServer();
        cli.run("snapshot", "baseline", "--url", CliRunner.url(db), "--dir", dir.toString());
        cli.run("snapshot", "pre_migration", "--data", "--purpose", "before v2", "--url", CliRunner.url(db),
                "--dir", dir.toString());

        CliRunner.Run list = cli.run("list", "--dir", dir.toString());
        assertThat(list.exitCode()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(2)).matches("#\\s+\\| Label\\s+\\| Created \\(UTC\\)\\s+\\| Age\\s+\\| Size\\s+\\| Type\\s+\\| Purpose");
        assertThat(lines.get(4)).matches("1\\*\\s+\\| pre_migration \\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\| just now \\| .* kB"
                + "\\s+\\| schema\\+data \\| before v2");
        assertThat(lines.get(5)).matches("2\\*\\s+\\| baseline\\s+\\| .* \\| schema-only \\|");
        assertThat(list.out()).contains("* taken in the last 24 hours");

        JsonNode json = new ObjectMapper().readTree(cli.run("list", "--json", "--dir", dir.toString()).out());
        assertThat(json).hasSize(2);
        Path newest = dir.resolve(json.get(0).get("file").asText()).normalize();
        assertThat(json.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(json.get(0).get("label").asText()).isEqualTo("pre_migration");
        assertThat(json.get(0).get("purpose").asText()).isEqualTo("before v2");
        assertThat(json.get(0).get("type").asText()).isEqualTo("schema+data");
        assertThat(json.get(0).get("recent").asBoolean()).isTrue();
        assertThat(json.get(0).get("size_bytes").asLong()).isEqualTo(Files.size(newest));
        assertThat(json.get(1).get("label").asText()).isEqualTo("baseline");
        assertThat(json.get(1).get("purpose").isNull()).isTrue();
    }

    @Test
    void showPrintsMetadataAndObjectCountsOfAnIndexOrLabelOrFile() throws Exception {
        CliRunner cli = CliRunner.forServer();
        cli.run("snapshot", "pre_migration", "--data", "--url", CliRunner.url(db), "--dir", dir.toString());
        Path file = onlyFile(".sql");

        for (String reference : List.of("1", "latest", "pre_migration", file.getFileName().toString(), file.toString())) {
            CliRunner.Run show = cli.run("show", reference, "--dir", dir.toString());
            assertThat(show.exitCode()).as(reference + ": " + show.err()).isZero();
            assertThat(show.out()).contains("Snapshot " + file.getFileName().toString().replace(".sql", ""))
                    .containsPattern("Type:\\s+schema\\+data\n")
                    .containsPattern("Database:\\s+" + Pattern.quote(db.user() + "@" + db.server().host() + ":"
                            + db.server().port() + "/" + db.name()) + "\n")
                    .containsPattern("SHA-256:\\s+" + sha256(file) + "\n")
                    .containsPattern("tables\\s+\\|\\s+2\n").containsPattern("functions\\s+\\|\\s+2\n")
                    .containsPattern("policies\\s+\\|\\s+1\n").containsPattern("views\\s+\\|\\s+1\n")
                    .containsPattern("triggers\\s+\\|\\s+1\n").containsPattern("indexes\\s+\\|\\s+1\n")
                    .containsPattern("app\\.users\\s+\\|\\s+3\n");
        }
        CliRunner.Run missing = cli.run("show", "no_such_label", "--dir", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("No snapshot 'no_such_label'").doesNotContain("\tat ");
    }

    @Test
    void theUrlComesFromDbsnapDbUrlThenDatabaseUrlThenSupabaseDbUrlAndTheDirectoryFromDbsnapDir() throws Exception {
        String nowhere = "postgresql://nobody:wrong@127.0.0.1:1/none";
        CliRunner first = CliRunner.forServer().env("DBSNAP_DB_URL", CliRunner.url(db)).env("DATABASE_URL", nowhere)
                .env("SUPABASE_DB_URL", nowhere).env("DBSNAP_DIR", dir.toString());
        assertThat(first.run("snapshot", "from_dbsnap_db_url").exitCode()).isZero();

        CliRunner second = CliRunner.forServer().env("DATABASE_URL", CliRunner.jdbcUrl(db)).env("SUPABASE_DB_URL", nowhere)
                .env("DBSNAP_DIR", dir.toString());
        assertThat(second.run("snapshot", "from_database_url").exitCode()).isZero();

        CliRunner third = CliRunner.forServer().env("SUPABASE_DB_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString());
        assertThat(third.run("snapshot", "from_supabase_db_url").exitCode()).isZero();

        // --url wins over every variable
        CliRunner.Run explicit = CliRunner.forServer().env("DBSNAP_DB_URL", CliRunner.url(db)).env("DBSNAP_DIR", dir.toString())
                .run("snapshot", "explicit", "--url", nowhere);
        assertThat(explicit.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(explicit.err()).contains("Could not connect to the database: Connection to 127.0.0.1:1 refused").doesNotContain("wrong");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")))
                    .hasSize(3).anyMatch(n -> n.endsWith("_from_dbsnap_db_url.sql"))
                    .anyMatch(n -> n.endsWith("_from_database_url.sql")).anyMatch(n -> n.endsWith("_from_supabase_db_url.sql"));
        }
        CliRunner.Run none = new CliRunner().env("DBSNAP_DIR", dir.toString()).run("snapshot", "no_url");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("No database given").contains("DBSNAP_DB_URL");
    }

    private Path onlyFile(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    }
}
