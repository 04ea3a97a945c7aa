package io.dbsnap.store;

/**
 * Whether a snapshot's script sets owners and privileges, recorded in its metadata as
 * {@code owners: true} and {@code privileges: true}. A restore checks the roles they name and
 * verifies them only when the script has them; metadata written before dbsnap recorded them by
 * default has neither field and reads as {@link #none()}.
 *
 * @param owners     the script has {@code ALTER ... OWNER TO}
 * @param privileges the script has {@code GRANT}/{@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES}
 */
public record RecordedAccess(boolean owners, boolean privileges) {

    /** Both, as pg_dump writes them by default. */
    public static RecordedAccess both() {
        return new RecordedAccess(true, true);
    }

    /** Neither, as in snapshots of earlier dbsnap versions and with {@code --no-owner --no-privileges}. */
    public static RecordedAccess none() {
        return new RecordedAccess(false, false);
    }
}
