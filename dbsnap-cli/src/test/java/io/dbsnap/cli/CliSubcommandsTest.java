package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run builds the model of the one subcommand it names (start-up time); help and errors still see them all. */
class CliSubcommandsTest {

    private static final PrintStream NOWHERE = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final CommandLine whole = new Cli(Map.of(), NOWHERE, NOWHERE).commandLine();

    @Test
    void eachSubcommandIsListedUnderTheNameItsClassDeclares() {
        assertThat(whole.getSubcommands()).hasSize(11);
        whole.getSubcommands().forEach((name, sub) ->
                assertThat(sub.getCommand().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void theSubcommandIsTheFirstArgumentThatIsNoTopOptionNorItsValue() {
        assertThat(Cli.subcommandNamed(whole, "snapshot", "--data")).contains("snapshot");
        assertThat(Cli.subcommandNamed(whole, "--dir", "list", "snapshot")).contains("snapshot");
        assertThat(Cli.subcommandNamed(whole, "--url", "postgresql://h/db", "--password-file", "pw", "-v", "status"))
                .contains("status");
        assertThat(Cli.subcommandNamed(whole, "--notify", "nats://x", "--notify-subject", "s", "list")).contains("list");
        assertThat(Cli.subcommandNamed(whole, "--dir=list", "restore", "latest")).contains("restore");
        assertThat(Cli.subcommandNamed(whole, "--help")).isEmpty();
        assertThat(Cli.subcommandNamed(whole, "--dir", "x")).isEmpty();
        assertThat(Cli.subcommandNamed(whole, "--", "list")).isEmpty();
        assertThat(Cli.subcommandNamed(whole, "frobnicate")).contains("frobnicate");
    }

    @Test
    void aRunBuildsTheNamedSubcommandNoneForTheVersionAndAllForHelp() {
        assertThat(Cli.subcommandsNeeded(whole, "--dir", "d", "list")).containsExactly("list");
        assertThat(Cli.subcommandsNeeded(whole, "--version")).isEmpty();
        assertThat(Cli.subcommandsNeeded(whole, "-V")).isEmpty();
        assertThat(Cli.subcommandsNeeded(whole, "--version", "--help")).hasSize(11);
        assertThat(Cli.subcommandsNeeded(whole, "--help")).hasSize(11);
        assertThat(Cli.subcommandsNeeded(whole)).hasSize(11);
        assertThat(Cli.subcommandsNeeded(whole, "snaphsot")).hasSize(11);
        CliRunner.Run version = new CliRunner().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("dbsnap 0.1.0-SNAPSHOT\n");
    }

    @Test
    void aNamedSubcommandGetsTheSharedOptionsAndTheSettings() {
        // a directory named like a subcommand is the directory; the command is the one after it
        CliRunner.Run help = new CliRunner().run("--dir", "list", "snapshot", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: dbsnap snapshot").contains("--url=URL").contains("--dir=DIR")
                .doesNotContain("Usage: dbsnap list");
        // "markdown" for the enum value MARKDOWN: a setting made after the subcommand was added;
        // parsing passes, and the run fails later, on the snapshot that is not there
        CliRunner.Run format = new CliRunner().run("diff", "no_a", "no_b", "--format", "markdown", "--dir", dir.toString());
        assertThat(format.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(format.err()).contains("No snapshot 'no_a'");
    }

    @Test
    void aRunThatNamesNoKnownSubcommandSeesThemAll() {
        CliRunner.Run misspelt = new CliRunner().run("snaphsot");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err()).contains("Unmatched argument at index 0: 'snaphsot'").contains("dbsnap --help");
        CliRunner.Run none = new CliRunner().run();
        assertThat(none.err()).contains("snapshot").contains("cleanup").contains("dump");
    }
}
