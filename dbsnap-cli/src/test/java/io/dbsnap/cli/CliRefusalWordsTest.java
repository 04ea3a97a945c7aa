package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI refuses it refuses in its own words: the flag that overrides it, and help that agrees with the text. */
class CliRefusalWordsTest {

    @TempDir
    Path dir;

    /** Makes the snapshot's metadata say it was taken from PostgreSQL 99, newer than any server here. */
    private void pretendTakenFromANewerServer() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path meta : files.filter(f -> f.getFileName().toString().endsWith(".meta.yaml")).toList()) {
                String text = Files.readString(meta);
                String changed = text.replaceFirst("server_version: \"[^\"]*\"", "server_version: \"99.1\"");
                assertThat(changed).as(text).isNotEqualTo(text);
                Files.writeString(meta, changed);
            }
        }
    }

    @Test
    void aSnapshotFromANewerServerIsRefusedNamingTheFlagThatAllowsIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_older_server")) {
            db.execute(Fixture.SCHEMA);
            CliRunner cli = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db)).withoutTerminal();
            assertThat(cli.run("snapshot", "v1", "--data", "--dir", dir.toString()).exitCode()).isZero();
            pretendTakenFromANewerServer();
            db.execute("CREATE TABLE app.later (id int)");
            String before = PgDump.run(db);

            CliRunner.Run refused = cli.run("restore", "v1", "--yes", "--dir", dir.toString());
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("PostgreSQL 99.1", "(--allow-older-server;");
            assertThat(PgDump.run(db)).isEqualTo(before);

            CliRunner.Run rollbackRefused = cli.run("rollback", "--emergency", "--dir", dir.toString());
            assertThat(rollbackRefused.err()).contains("(--allow-older-server;");

            CliRunner.Run allowed = cli.run("restore", "v1", "--yes", "--allow-older-server", "--no-safety-snapshot",
                    "--dir", dir.toString());
            assertThat(allowed.exitCode()).as(allowed.all()).isZero();
            assertThat(PgDump.run(db)).doesNotContain("later");

            db.execute("CREATE TABLE app.later (id int)");
            CliRunner.Run rolledBack = cli.run("rollback", "--emergency", "--allow-older-server", "--no-safety-snapshot",
                    "--dir", dir.toString());
            assertThat(rolledBack.exitCode()).as(rolledBack.all()).isZero();
            assertThat(PgDump.run(db)).doesNotContain("later");
        }
    }

    @Test
    void verifysHelpAndItsBehaviourAgreeThatTheEnvironmentsUrlIsNotUsed() throws Exception {
        CliRunner cli = new CliRunner().env("DATABASE_URL", "postgresql://app@db.exmaple.invalid:5432/shop");
        String help = cli.run("verify", "--help").out();
        // the option's own entry: its line and the lines that continue it, up to the next option
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile("(?m)^\\s+--url=URL(.*\\R(?!\\s+-))*.*")
                .matcher(help);
        assertThat(entry.find()).as(help).isTrue();
        assertThat(entry.group().replaceAll("\\s+", " ")).contains("verify does not use the environment's URL").doesNotContain("Default:");

        try (TestDatabase db = PostgresServer.shared().createDatabase("cli_verify_env")) {
            db.execute(Fixture.SCHEMA);
            CliRunner taker = CliRunner.forServer().env("DATABASE_URL", CliRunner.url(db));
            assertThat(taker.run("snapshot", "v1", "--dir", dir.toString()).exitCode()).isZero();
        }
        // an unreachable URL in the environment is not tried: only the file is checked
        CliRunner.Run verified = cli.run("verify", "v1", "--dir", dir.toString());
        assertThat(verified.exitCode()).as(verified.all()).isZero();
        assertThat(verified.out()).contains("Checksum OK").doesNotContain("Database");
    }
}
