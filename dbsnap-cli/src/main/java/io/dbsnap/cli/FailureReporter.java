package io.dbsnap.cli;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.InvalidLabelException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.restore.DataLossRefusedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into one clear line on stderr and the exit code scripts act on; the stack
 * trace only with {@code -v}. Every line is redacted, so that no password is ever printed.
 */
final class FailureReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final CliContext context;

    FailureReporter(CliContext context) {
        this.context = context;
    }

    /** A command line picocli could not parse: exit code 2, with where to find the right one. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        context.err().println("dbsnap: " + Redaction.redact(e.getMessage()));
        context.err().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for its options and examples.");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        Throwable failure = e;
        int code = exitCode(failure);
        context.err().println("dbsnap " + command.getCommandName() + ": " + Redaction.redact(message(failure)));
        if (verbose(command)) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            context.err().print(Redaction.redact(trace.toString()));
        } else if (code == ExitCodes.FAILED && !(failure instanceof DbSnapException)
                && !(failure instanceof Confirmation.CancelledException)) {
            // not one of dbsnap's own failures, whose messages say what to do: the trace helps a bug report
            context.err().println("Run again with -v for the stack trace.");
        }
        return code;
    }

    static int exitCode(Throwable failure) {
        if (failure instanceof LockNotAvailableException) {
            return ExitCodes.LOCKED;
        }
        if (failure instanceof UsageException || failure instanceof InvalidLabelException
                || failure instanceof IllegalArgumentException || failure instanceof DataLossRefusedException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }

    /**
     * The exception's message: dbsnap's say in their first line what failed and what to do; a
     * failed restore adds the statement's text and the rollback on the lines after it.
     */
    private static String message(Throwable failure) {
        if (failure instanceof DataLossRefusedException refused) {
            // the library names its API option; here the flag is what to give
            return refused.message(RestoreLosses.DISCARD_DATA);
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName() + (failure.getCause() != null ? ": " + message(failure.getCause()) : "");
        }
        return message.strip();
    }

    private static boolean verbose(CommandLine command) {
        CommandLine top = command;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top.getCommand() instanceof DbsnapCommand root && root.verbose();
    }
}
