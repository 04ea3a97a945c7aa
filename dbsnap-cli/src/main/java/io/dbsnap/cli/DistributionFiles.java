package io.dbsnap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the files the distribution archive ships beside the jar, generated from the command's
 * picocli model at build time (dbsnap-cli's pom runs it in the package phase): the bash
 * completion script ({@code dbsnap.bash}, picocli's AutoComplete; zsh loads it through
 * {@code bashcompinit}) and the man page ({@code dbsnap.1}, {@link ManPage}).
 *
 * <p>Arguments: the output directory.
 */
public final class DistributionFiles {

    private DistributionFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles OUTPUT_DIRECTORY");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        CommandLine command = model();
        Files.writeString(out.resolve("dbsnap.bash"), AutoComplete.bash("dbsnap", command), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("dbsnap.1"), new ManPage(command, Versions.current()).render(), StandardCharsets.UTF_8);
    }

    /** The command as it runs, with an empty environment and streams that go nowhere. */
    static CommandLine model() {
        PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Cli(new CliContext(new Environment(Map.of()), Terminal.system(), nowhere, nowhere, Clock.systemUTC()))
                .commandLine();
    }
}
