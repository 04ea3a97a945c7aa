package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} of show, verify, restore, migrate and cleanup: each document parses, carries the
 * format and the command, and its values agree with an oracle outside dbsnap — the server's own
 * catalog and row counts, the files on disk and their SHA-256, statements counted by hand.
 */
class CliJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void showVerifyRestoreMigrateAndCleanupPrintTheirDocumentedShapes() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_json")) {
            db.execute(Fixture.SCHEMA);
            Path snapshots = dir.resolve("snapshots");
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", snapshots.toString());
            assertThat(cli.run("snapshot", "pre_migration", "--data", "--purpose", "json test").exitCode()).isZero();

            // show: the counts as the server's catalog has them, the rows as it counts them, the file as it is
            JsonNode show = document(cli.run("show", "latest", "--json"), "show");
            Path file = Path.of(show.get("file").asText());
            assertThat(show.get("plain_file").asBoolean()).isFalse();
            assertThat(show.get("label").asText()).isEqualTo("pre_migration");
            assertThat(show.get("purpose").asText()).isEqualTo("json test");
            assertThat(show.get("type").asText()).isEqualTo("schema+data");
            assertThat(show.get("size_bytes").asLong()).isEqualTo(Files.size(file));
            assertThat(show.get("sha256").asText()).isEqualTo(sha256(file));
            assertThat(Path.of(show.get("metadata_file").asText())).isRegularFile();
            JsonNode objects = show.get("objects");
            assertThat(objects.get("tables").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_class c JOIN"
                    + " pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind IN ('r', 'p')"));
            assertThat(objects.get("views").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_views WHERE schemaname = 'app'"));
            assertThat(objects.get("functions").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_proc p JOIN"
                    + " pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app'"));
            assertThat(objects.get("triggers").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_trigger t JOIN"
                    + " pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'app' AND NOT t.tgisinternal"));
            assertThat(objects.get("policies").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_policies WHERE schemaname = 'app'"));
            assertThat(objects.get("sequences").asLong()).isEqualTo(count(db, "SELECT count(*) FROM pg_sequences WHERE schemaname = 'app'"));
            Map<String, Long> serverRows = Map.of("app.users", count(db, "SELECT count(*) FROM app.users"),
                    "app.audit", count(db, "SELECT count(*) FROM app.audit"));
            Map<String, Long> shownRows = new LinkedHashMap<>();
            show.get("tables").forEach(t -> shownRows.put(t.get("table").asText(), t.get("rows").asLong()));
            assertThat(shownRows).isEqualTo(serverRows);
            assertThat(show.get("rows").asLong()).isEqualTo(serverRows.values().stream().mapToLong(Long::longValue).sum());

            // verify: the checksum is the file's; the live database unchanged, then changed by us
            JsonNode verified = document(cli.run("verify", "latest", "--json", "--url", CliRunner.url(db)), "verify");
            assertThat(verified.get("verified").asBoolean()).isTrue();
            assertThat(verified.get("checksum").get("ok").asBoolean()).isTrue();
            assertThat(verified.get("checksum").get("sha256").asText()).isEqualTo(sha256(file));
            assertThat(verified.get("catalog").asBoolean()).isTrue();
            assertThat(verified.get("database").get("matches").asBoolean()).isTrue();
            db.execute("ALTER TABLE app.users ADD COLUMN nickname text; DELETE FROM app.audit");
            CliRunner.Run drifted = cli.run("verify", "latest", "--json", "--url", CliRunner.url(db));
            assertThat(drifted.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            JsonNode drift = document(drifted, "verify");
            assertThat(drift.get("verified").asBoolean()).isFalse();
            assertThat(drift.get("database").get("matches").asBoolean()).isFalse();
            assertThat(drift.get("database").get("diff").get("changes")).extracting(c -> c.get("object").asText())
                    .contains("column app.users.nickname");

            // restore: the rows it reports are those the server then holds, table by table
            CliRunner.Run restoring = cli.run("restore", "pre_migration", "--yes", "--json", "--discard-data");
            JsonNode restored = document(restoring, "restore");
            assertThat(restored.get("verified").asBoolean()).isTrue();
            assertThat(restored.get("differences")).isEmpty();
            assertThat(restored.get("plain_file").asBoolean()).isFalse();
            assertThat(restored.get("file").asText()).isEqualTo(file.toString());
            Map<String, Long> loaded = new LinkedHashMap<>();
            restored.get("rows_by_table").fields().forEachRemaining(e -> loaded.put(e.getKey(), e.getValue().asLong()));
            assertThat(loaded).isEqualTo(Map.of("app.users", count(db, "SELECT count(*) FROM app.users"),
                    "app.audit", count(db, "SELECT count(*) FROM app.audit")));
            assertThat(restored.get("rows").asLong()).isEqualTo(serverRows.values().stream().mapToLong(Long::longValue).sum());
            assertThat(restored.get("dropped").asInt()).isPositive();
            assertThat(Path.of(restored.get("safety_snapshot").get("file").asText())).isRegularFile();
            assertThat(restoring.err()).contains("This will:");
            assertThat(columns(db)).doesNotContain("nickname");

            // migrate: BEGIN and COMMIT of the file are not statements; 2 are, counted by hand
            Path migration = Files.writeString(dir.resolve("V2__points.sql"), "BEGIN;\n"
                    + "ALTER TABLE app.users ADD COLUMN points int NOT NULL DEFAULT 0;\nDROP VIEW app.happy_users;\nCOMMIT;\n");
            JsonNode dry = document(cli.run("migrate", migration.toString(), "--dry-run", "--json"), "migrate");
            assertThat(dry.get("dry_run").asBoolean()).isTrue();
            assertThat(dry.get("statements").asInt()).isEqualTo(2);
            assertThat(dry.get("before").isNull()).isTrue();
            assertThat(dry.get("diff").get("changes")).extracting(c -> c.get("action").asText() + " " + c.get("object").asText())
                    .contains("added column app.users.points", "removed view app.happy_users");
            assertThat(columns(db)).doesNotContain("points");
            JsonNode applied = document(cli.run("migrate", migration.toString(), "--json"), "migrate");
            assertThat(applied.get("dry_run").asBoolean()).isFalse();
            assertThat(applied.get("statements").asInt()).isEqualTo(2);
            assertThat(columns(db)).contains("points");
            for (String key : List.of("diff_markdown", "diff_patch", "down_migration")) {
                assertThat(Path.of(applied.get(key).asText())).as(key).isRegularFile();
            }
            assertThat(Path.of(applied.get("before").get("file").asText())).isRegularFile();
            assertThat(applied.get("after").get("name").asText()).endsWith("_after_V2__points");

            // cleanup --dry-run: keeping the newest one, every other snapshot on disk is to go; nothing goes
            List<String> onDisk = snapshotNames(snapshots);
            // (the snapshots are seconds old: the minimum age would keep them all)
            JsonNode cleanup = document(cli.run("cleanup", "--keep-last", "1", "--count-safety-snapshots",
                    "--ignore-minimum-age", "--dry-run", "--json"), "cleanup");
            assertThat(cleanup.get("dry_run").asBoolean()).isTrue();
            List<String> kept = names(cleanup.get("kept"));
            List<String> toDelete = names(cleanup.get("to_delete"));
            assertThat(kept).containsExactly(onDisk.get(0));
            assertThat(toDelete).containsExactlyElementsOf(onDisk.subList(1, onDisk.size()));
            assertThat(cleanup.get("kept").get(0).get("reasons")).extracting(JsonNode::asText).contains("newest");
            assertThat(cleanup.get("deleted")).isEmpty();
            assertThat(snapshotNames(snapshots)).isEqualTo(onDisk);

            // and the listing's entries carry the same format
            JsonNode list = JSON.readTree(cli.run("list", "--json").out());
            assertThat(list).hasSize(onDisk.size());
            list.forEach(entry -> assertThat(entry.get("format").asInt()).isEqualTo(JsonDocument.FORMAT));
        }
    }

    @Test
    void aPlainFileShowsAndRestoresAsJsonAndOneStatementIsOneStatement() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_json_plain")) {
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.resolve("snapshots").toString());
            Path script = Files.writeString(dir.resolve("one.sql"), "BEGIN;\nCREATE TABLE public.t (id int);\nCOMMIT;\n");

            JsonNode show = document(cli.run("show", script.toString(), "--json"), "show");
            assertThat(show.get("plain_file").asBoolean()).isTrue();
            assertThat(show.get("size_bytes").asLong()).isEqualTo(Files.size(script));
            assertThat(show.get("sha256").isNull()).isTrue();

            JsonNode restored = document(cli.run("restore", script.toString(), "--yes", "--json",
                    "--no-safety-snapshot"), "restore");
            assertThat(restored.get("plain_file").asBoolean()).isTrue();
            assertThat(restored.get("statements").asInt()).isEqualTo(1);
            assertThat(restored.get("verified").isNull()).isTrue();
            assertThat(restored.get("safety_snapshot").isNull()).isTrue();
            assertThat(count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")).isEqualTo(1);

            // the text says it in the singular
            Path again = Files.writeString(dir.resolve("two.sql"), "BEGIN;\nDROP TABLE public.t;\nCOMMIT;\n");
            CliRunner.Run text = cli.run("restore", again.toString(), "--yes", "--no-safety-snapshot");
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("  1 statement, 0 rows\n");
            Path migration = Files.writeString(dir.resolve("V3__one.sql"), "CREATE TABLE public.u (id int);\n");
            CliRunner.Run migrated = cli.run("migrate", migration.toString());
            assertThat(migrated.exitCode()).as(migrated.err()).isZero();
            assertThat(migrated.out()).contains(": 1 statement in one transaction");
        }
    }

    @Test
    void aDamagedSnapshotVerifiesAsJsonWithTheReasonAndExitCode3() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_json_damaged")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            assertThat(cli.run("snapshot", "damaged").exitCode()).isZero();
            Path file = Path.of(document(cli.run("show", "latest", "--json"), "show").get("file").asText());
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1; // same size, another SHA-256
            Files.write(file, bytes);

            CliRunner.Run run = cli.run("verify", "damaged", "--json");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            JsonNode verify = document(run, "verify");
            assertThat(verify.get("verified").asBoolean()).isFalse();
            assertThat(verify.get("checksum").get("ok").asBoolean()).isFalse();
            assertThat(verify.get("checksum").get("error").asText()).contains("SHA-256");
            assertThat(verify.get("database").isNull()).isTrue();
        }
    }

    /** The command's JSON on stdout, with the format and command every document starts with. */
    private static JsonNode document(CliRunner.Run run, String command) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.DIFFERENCES);
        JsonNode node = JSON.readTree(run.out());
        assertThat(node.get("format").asInt()).isEqualTo(JsonDocument.FORMAT);
        assertThat(node.get("command").asText()).isEqualTo(command);
        return node;
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    /**
     * The snapshots in the directory, by their metadata files, newest first: by the second in the name, then by when
     * the metadata file was written (a migration's before and after snapshots often share the second).
     */
    private static List<String> snapshotNames(Path directory) throws Exception {
        Map<String, java.nio.file.attribute.FileTime> written = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path meta : files.filter(f -> f.getFileName().toString().endsWith(".meta.yaml")).toList()) {
                String name = meta.getFileName().toString();
                written.put(name.substring(0, name.length() - ".meta.yaml".length()), Files.getLastModifiedTime(meta));
            }
        }
        // names start with the UTC time to the second (yyyyMMdd_HHmmss_)
        java.util.Comparator<String> bySecond = java.util.Comparator.comparing(name -> name.substring(0, 15));
        return written.keySet().stream()
                .sorted(bySecond.thenComparing(written::get).reversed())
                .toList();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> columns(TestDatabase db) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
                     + " WHERE table_schema = 'app' AND table_name = 'users'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }
}
