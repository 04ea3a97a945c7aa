package io.dbsnap.diff;

/**
 * What a diff compares besides the objects themselves. By default owners and privileges are
 * compared whenever both catalogs recorded them; leave them out to compare databases whose roles
 * differ by design (a developer's database against production).
 *
 * @param owners     compare who owns each object
 * @param privileges compare grants and default privileges
 */
public record DiffOptions(boolean owners, boolean privileges) {

    /** Everything both catalogs recorded. */
    public static DiffOptions defaults() {
        return new DiffOptions(true, true);
    }

    public DiffOptions withoutOwners() {
        return new DiffOptions(false, privileges);
    }

    public DiffOptions withoutPrivileges() {
        return new DiffOptions(owners, false);
    }
}
