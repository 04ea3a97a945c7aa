package io.dbsnap.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Asks before a destructive command goes ahead. Without a terminal to ask on (a CI job, a pipe),
 * it refuses unless {@code --yes} was given: a script must say on its command line that it means it.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Returns normally when the command may go ahead.
     *
     * @param what     the action, for the question and the refusal: {@code restore 20260304_050607_pre_migration into app@db:5432/app}
     * @throws UsageException   without --yes when stdin is not a terminal
     * @throws CancelledException when the person answers anything but yes
     */
    static void require(CliContext context, boolean yes, String what) {
        if (yes) {
            return;
        }
        if (!context.terminal().interactive()) {
            throw new UsageException("Refusing to " + what + " without confirmation: stdin is not a terminal."
                    + " Add --yes to confirm on the command line.");
        }
        Optional<String> answer = context.terminal().ask("Proceed to " + what + "? Type yes to continue: ", context.err());
        String given = answer.map(a -> a.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (!given.equals("yes") && !given.equals("y")) {
            throw new CancelledException("Cancelled: nothing was changed.");
        }
    }

    /** The person said no: nothing was done, and the command ends with {@link ExitCodes#FAILED}. */
    static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException(String message) {
            super(message);
        }
    }
}
