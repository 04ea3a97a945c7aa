package io.dbsnap.dump;

/**
 * What a schema script includes beyond the objects themselves. The default is what pg_dump
 * writes and what a rollback needs to give the application its access back: owners and
 * privileges, no drops. {@link #noOwner()} and {@link #noPrivileges()} leave them out, as pg_dump's
 * {@code --no-owner} and {@code --no-privileges} do, for a script that runs as any role on a
 * server without the snapshot's roles.
 *
 * @param owners     {@code ALTER ... OWNER TO} for every object
 * @param privileges {@code GRANT}/{@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES}
 * @param clean      {@code DROP ... IF EXISTS} of every object first, in reverse order, so that the
 *                   script replaces an older version of the same schema
 */
public record DdlOptions(boolean owners, boolean privileges, boolean clean) {

    public static DdlOptions defaults() {
        return new DdlOptions(true, true, false);
    }

    /** Leaves out {@code ALTER ... OWNER TO}, as pg_dump's {@code --no-owner}. */
    public DdlOptions noOwner() {
        return new DdlOptions(false, privileges, clean);
    }

    /** Leaves out grants and default privileges, as pg_dump's {@code --no-privileges}. */
    public DdlOptions noPrivileges() {
        return new DdlOptions(owners, false, clean);
    }

    /** Owners are written by default; kept for callers written when they were not. */
    public DdlOptions withOwners() {
        return new DdlOptions(true, privileges, clean);
    }

    /** Privileges are written by default; kept for callers written when they were not. */
    public DdlOptions withPrivileges() {
        return new DdlOptions(owners, true, clean);
    }

    public DdlOptions withClean() {
        return new DdlOptions(owners, privileges, true);
    }
}
