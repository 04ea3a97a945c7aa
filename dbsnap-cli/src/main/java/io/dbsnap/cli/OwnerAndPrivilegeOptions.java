package io.dbsnap.cli;

import io.dbsnap.SnapshotRequest;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.restore.RestoreOptions;
import picocli.CommandLine.Option;

/**
 * pg_dump's {@code -O}/{@code --no-owner} and {@code -x}/{@code --no-privileges} of the commands
 * that write or restore a script: owners and grants are written and restored by default, as
 * pg_dump and pg_restore do, so that a rollback gives the application its access back.
 */
final class OwnerAndPrivilegeOptions {

    @Option(names = {"-O", "--no-owner"},
            description = "Without owners: leave out (or, restoring, skip) ALTER ... OWNER TO, as pg_dump -O;"
                    + " whoever restores then owns what is created.")
    private boolean noOwner;

    @Option(names = {"-x", "--no-privileges", "--no-acl"},
            description = "Without grants: leave out (or, restoring, skip) GRANT/REVOKE and default privileges,"
                    + " as pg_dump -x.")
    private boolean noPrivileges;

    // Owners and grants are the default now; the old flags that asked for them still parse.
    @Option(names = "--owners", hidden = true, description = "Deprecated: owners are written by default.")
    private boolean owners;

    @Option(names = "--privileges", hidden = true, description = "Deprecated: grants are written by default.")
    private boolean privileges;

    boolean any() {
        return noOwner || noPrivileges;
    }

    DdlOptions applyTo(DdlOptions options) {
        DdlOptions withOwners = noOwner ? options.noOwner() : options;
        return noPrivileges ? withOwners.noPrivileges() : withOwners;
    }

    SnapshotRequest applyTo(SnapshotRequest request) {
        SnapshotRequest withOwners = noOwner ? request.noOwner() : request;
        return noPrivileges ? withOwners.noPrivileges() : withOwners;
    }

    RestoreOptions applyTo(RestoreOptions options) {
        RestoreOptions withOwners = noOwner ? options.noOwner() : options;
        return noPrivileges ? withOwners.noPrivileges() : withOwners;
    }
}
