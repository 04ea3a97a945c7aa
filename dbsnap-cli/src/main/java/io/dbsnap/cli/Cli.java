package io.dbsnap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One run of the {@code dbsnap} command with the environment, terminal and streams it is given:
 * {@link Main} passes the process's own, tests their own, so that the real command runs in-process.
 */
public final class Cli {

    /**
     * The subcommands, in the order the top command's --help lists them. A new subcommand is one
     * line here (its name as in its {@code @Command}, which {@code CliSubcommandsTest} checks).
     * They reach the context through the top command, their {@code @ParentCommand}.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

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
        CommandLine commandLine = new CommandLine(new DbsnapCommand(context));
        configure(commandLine, subcommandsNeeded(commandLine, args));
        try {
            return commandLine.execute(args);
        } finally {
            ((DbsnapCommand) commandLine.getCommand()).closeEvents();
            context.out().flush();
            context.err().flush();
        }
    }

    /** The command's whole model: also what the man page and the shell completion are generated from. */
    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DbsnapCommand(context));
        configure(commandLine, SUBCOMMANDS.keySet());
        return commandLine;
    }

    /**
     * Adds the subcommands {@code names} (in --help's order), then the settings: picocli passes
     * them on only to the subcommands added by then.
     */
    private void configure(CommandLine top, Set<String> names) {
        for (String name : names) {
            top.addSubcommand(name, SUBCOMMANDS.get(name).get());
            CommandLine sub = top.getSubcommands().get(name);
            spaceOut(sub);
            if (name.equals("verify")) {
                VerifyCommand.describeUrlOption(sub.getCommandSpec());
            }
        }
        FailureReporter failures = new FailureReporter(context);
        top.setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true));
    }

    /**
     * Building a subcommand's model costs reflection over its options and the loading and
     * initialisation of every class they name; all of them took most of a short command's time
     * (README, Benchmarks). A run that names a subcommand gets that one alone, --version none; any
     * other run (--help, no command, a misspelt one) gets them all, so that the help is whole.
     */
    static Set<String> subcommandsNeeded(CommandLine top, String... args) {
        Optional<String> named = subcommandNamed(top, args);
        if (named.isPresent()) {
            return SUBCOMMANDS.containsKey(named.get()) ? Set.of(named.get()) : SUBCOMMANDS.keySet();
        }
        List<String> given = List.of(args);
        boolean versionOnly = (given.contains("--version") || given.contains("-V"))
                && !given.contains("--help") && !given.contains("-h");
        return versionOnly ? Set.of() : SUBCOMMANDS.keySet();
    }

    /**
     * The first argument that is neither one of the top command's options nor an option's value:
     * the subcommand the run names, if any. The top command's own model says which options take a
     * value, so that {@code --dir list snapshot} is the snapshot command with a directory "list".
     */
    static Optional<String> subcommandNamed(CommandLine top, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return Optional.empty();
            }
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
            OptionSpec option = top.getCommandSpec().findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++; // its value, given as the next argument (--dir=DIR holds it)
            }
        }
        return Optional.empty();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("snapshot", SnapshotCommand::new);
        subcommands.put("list", ListCommand::new);
        subcommands.put("status", StatusCommand::new);
        subcommands.put("show", ShowCommand::new);
        subcommands.put("restore", RestoreCommand::new);
        subcommands.put("rollback", RollbackCommand::new);
        subcommands.put("diff", DiffCommand::new);
        subcommands.put("verify", VerifyCommand::new);
        subcommands.put("migrate", MigrateCommand::new);
        subcommands.put("cleanup", CleanupCommand::new);
        subcommands.put("dump", DumpCommand::new);
        return subcommands;
    }

    /** A blank line between a command's one-line header, usage, description and options in its --help. */
    private static void spaceOut(CommandLine command) {
        command.getCommandSpec().usageMessage().synopsisHeading("%nUsage: ").descriptionHeading("%n")
                .parameterListHeading("%n");
    }
}
