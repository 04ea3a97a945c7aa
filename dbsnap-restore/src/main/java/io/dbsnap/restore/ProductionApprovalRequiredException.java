package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;

/**
 * A restore or rollback into a protected database ({@link ProtectedTargets}) was asked for
 * without approval; it was refused before anything changed.
 */
public class ProductionApprovalRequiredException extends DbSnapException {

    private static final long serialVersionUID = 1L;

    public ProductionApprovalRequiredException(String operation, String address, String entry) {
        super("Refusing to " + operation + " into " + address + ": it is a protected database (it matches '" + entry
                + "' of " + ProtectedTargets.VARIABLE + "). Nothing was changed. To " + operation + " into it anyway, add"
                + " --approve-production (in addition to --yes), or RestoreOptions.approvingProduction() in the API.");
    }
}
