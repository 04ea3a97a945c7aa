package io.dbsnap.dumper;

/**
 * What a schema script includes beyond the objects themselves. The default is what a snapshot
 * for rollback needs and what runs as any role: no owners, no privileges (like pg_dump's
 * {@code --no-owner --no-privileges}), no drops.
 *
 * @param owners     {@code ALTER ... OWNER TO} for every object
 * @param privileges {@code GRANT}/{@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES}
 * @param clean      {@code DROP ... IF EXISTS} of every object first, in reverse order, so that the
 *                   script replaces an older version of the same schema
 */
public record DdlOptions(boolean owners, boolean privileges, boolean clean) {

    public static DdlOptions defaults() {
        return new DdlOptions(false, false, false);
    }

    public DdlOptions withOwners() {
        return new DdlOptions(true, privileges, clean);
    }

    public DdlOptions withPrivileges() {
        return new DdlOptions(owners, true, clean);
    }

    public DdlOptions withClean() {
        return new DdlOptions(owners, privileges, true);
    }
}
