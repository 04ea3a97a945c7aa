package io.dbsnap.cli;

import io.dbsnap.restore.ProtectedTargets;
import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * {@code --approve-production}: restore or roll back into a database that {@code $DBSNAP_PROTECTED}
 * protects. Without it such a command is refused before it asks anything or changes anything.
 */
final class ProductionApprovalOption {

    @Option(names = "--approve-production",
            description = "Restore into a protected database ($DBSNAP_PROTECTED: hosts, host patterns such as"
                    + " *.prod.example.com, or URLs), in addition to --yes.")
    private boolean approved;

    /** The targets $DBSNAP_PROTECTED names in the command's environment. */
    static ProtectedTargets targets(CliContext context) {
        String value = context.environment().variables().get(ProtectedTargets.VARIABLE);
        try {
            return value == null ? ProtectedTargets.none() : ProtectedTargets.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("$" + ProtectedTargets.VARIABLE + ": " + e.getMessage());
        }
    }

    /**
     * Refuses at once, before any plan, question or safety snapshot, when {@code address} is protected
     * and not approved.
     */
    void check(CliContext context, String address, String operation) {
        targets(context).check(address, approved, operation);
    }

    /** The restore options with the command's protected targets and approval, which the restorer checks again. */
    RestoreOptions applyTo(CliContext context, RestoreOptions options) {
        RestoreOptions protecting = options.protecting(targets(context));
        return approved ? protecting.approvingProduction() : protecting;
    }
}
