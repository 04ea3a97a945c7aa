package io.dbsnap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the {@code dbsnap} command with the environment, terminal and streams it is given:
 * {@link Main} passes the process's own, tests their own, so that the real command runs in-process.
 */
public final class Cli {

    private final CliContext context;

    /**
     * @param environment the environment variables (the database URL and directory fall back to them)
     * @param out         where results go
     * @param err         where diagnostics, questions and progress go
     */
    public Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
        this(new CliContext(new Environment(environment), Terminal.system(), out, err, Clock.systemUTC()));
    }

    Cli(CliContext context) {
        this.context = context;
    }

    /** Runs the command line {@code args} and returns its exit code (see {@link ExitCodes}). */
    public int run(String... args) {
        CommandLine commandLine = commandLine();
        try {
            return commandLine.execute(args);
        } finally {
            ((DbsnapCommand) commandLine.getCommand()).closeEvents();
            context.out().flush();
            context.err().flush();
        }
    }

    /** The command's model, as it runs: also what the man page and the shell completion are generated from. */
    CommandLine commandLine() {
        FailureReporter failures = new FailureReporter(context);
        DbsnapCommand root = new DbsnapCommand(context);
        CommandLine commandLine = new CommandLine(root, new CommandFactory(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true));
        commandLine.getSubcommands().values().forEach(Cli::spaceOut);
        VerifyCommand.describeUrlOption(commandLine.getSubcommands().get("verify").getCommandSpec());
        return commandLine;
    }

    /** A blank line between a command's one-line header, usage, description and options in its --help. */
    private static void spaceOut(CommandLine command) {
        command.getCommandSpec().usageMessage().synopsisHeading("%nUsage: ").descriptionHeading("%n")
                .parameterListHeading("%n");
    }

    /** Subcommands are built by picocli; only the top command needs the context, which they reach through it. */
    private static final class CommandFactory implements CommandLine.IFactory {

        private final CommandLine.IFactory defaults = CommandLine.defaultFactory();
        private final CliContext context;

        CommandFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DbsnapCommand.class) {
                return type.cast(new DbsnapCommand(context));
            }
            return defaults.create(type);
        }
    }
}
