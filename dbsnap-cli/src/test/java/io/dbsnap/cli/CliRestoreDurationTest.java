package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duration a restore prints and the one its restore.log line records are one measurement: the
 * log used to time the whole restore (checksum, safety snapshot, verification) and the summary
 * only its transaction.
 */
class CliRestoreDurationTest {

    @TempDir
    Path dir;

    @Test
    void thePrintedDurationIsTheLoggedOne() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_restore_duration")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(cli.run("snapshot", "v1", "--data", "--dir", dir.toString()).exitCode()).isZero();
            // a safety snapshot with data: time outside the restore's transaction that both must count
            db.execute("INSERT INTO app.users SELECT i, 'u' || i FROM generate_series(100, 20000) i");

            CliRunner.Run run = cli.withoutTerminal().run("restore", "v1", "--yes", "--dir", dir.toString());
            assertThat(run.exitCode()).as(run.all()).isZero();

            Matcher printed = Pattern.compile("Restored \\S+ into \\S+ in (\\d+\\.\\d) s").matcher(run.out());
            assertThat(printed.find()).as(run.out()).isTrue();
            Matcher logged = Pattern.compile("duration=(\\d+\\.\\d{3})s")
                    .matcher(Files.readString(dir.resolve("restore.log")));
            assertThat(logged.find()).isTrue();
            double seconds = Double.parseDouble(logged.group(1));
            assertThat(printed.group(1)).isEqualTo(String.format(Locale.ROOT, "%.1f", seconds));
        }
    }
}
