package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbsnap status: counted and summed from the directory's files here, and a newest snapshot that no longer verifies. */
class CliStatusTest {

    @TempDir
    Path dir;

    @Test
    void statusSummarizesTheDirectoryAndTellsWhenTheNewestNoLongerVerifies() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_status")) {
            db.execute("CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 100)");
            CliRunner cli = CliRunner.forServer().withoutTerminal().env("DATABASE_URL", CliRunner.url(db))
                    .env("DBSNAP_DIR", dir.toString());
            CliRunner.Run empty = cli.run("status");
            assertThat(empty.exitCode()).isZero();
            assertThat(empty.out()).contains("No snapshots in " + dir);
            for (String label : List.of("pre_migration_v2", "checkpoint", "nightly")) {
                assertThat(cli.run("snapshot", label, "--data").exitCode()).isZero();
            }
            // in the order taken (names may share their second)
            List<Path> files = List.of(file("_pre_migration_v2.sql"), file("_checkpoint.sql"), file("_nightly.sql"));
            long total = 0;
            for (Path file : files) {
                total += Files.size(file);
            }

            JsonNode json = new ObjectMapper().readTree(cli.run("status", "--json").out());
            assertThat(json.get("format").asInt()).isEqualTo(1);
            assertThat(json.get("snapshots").asInt()).isEqualTo(3);
            assertThat(json.get("damaged").asInt()).isZero();
            assertThat(json.get("total_bytes").asLong()).isEqualTo(total);
            assertThat(json.get("oldest").get("file").asText()).isEqualTo(files.get(0).toString());
            assertThat(json.get("newest").get("file").asText()).isEqualTo(files.get(2).toString());
            assertThat(json.get("newest").get("kind").asText()).isEqualTo("nightly");
            assertThat(json.get("newest_by_kind").get("pre-migration").get("label").asText()).isEqualTo("pre_migration_v2");
            assertThat(json.get("newest_by_kind").get("manual").get("label").asText()).isEqualTo("checkpoint");
            assertThat(json.get("newest_by_kind").has("safety")).isFalse();
            assertThat(json.get("newest_verified").asBoolean()).isTrue();
            assertThat(json.get("newest_problem").isNull()).isTrue();
            assertThat(json.get("latest").asText()).isEqualTo(json.get("newest").get("name").asText());

            CliRunner.Run text = cli.run("status");
            assertThat(text.exitCode()).isZero();
            assertThat(text.out()).containsPattern("snapshots:\\s+3").containsPattern("newest verified:\\s+yes")
                    .containsPattern("newest safety:\\s+none");

            // one byte changed in the newest file, its size kept: its SHA-256 no longer matches its metadata
            byte[] bytes = Files.readAllBytes(files.get(2));
            bytes[bytes.length - 1] = (byte) (bytes[bytes.length - 1] == ' ' ? '\n' : ' ');
            Files.write(files.get(2), bytes);
            CliRunner.Run broken = cli.run("status", "--json");
            assertThat(broken.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            JsonNode brokenJson = new ObjectMapper().readTree(broken.out());
            assertThat(brokenJson.get("newest_verified").asBoolean()).isFalse();
            assertThat(brokenJson.get("newest_problem").asText()).contains("truncated or was changed");

            // one byte more: the listing sees the size differ and calls the entry damaged
            Files.write(files.get(2), new byte[] {'\n'}, StandardOpenOption.APPEND);
            CliRunner.Run damaged = cli.run("status", "--json");
            assertThat(damaged.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
            JsonNode damagedJson = new ObjectMapper().readTree(damaged.out());
            assertThat(damagedJson.get("damaged").asInt()).isEqualTo(1);
            assertThat(damagedJson.get("snapshots").asInt()).isEqualTo(2);
            assertThat(damagedJson.get("newest_verified").asBoolean()).isFalse();
            assertThat(damagedJson.get("newest_problem").asText()).contains("is damaged");
        }
    }

    private Path file(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }
}
