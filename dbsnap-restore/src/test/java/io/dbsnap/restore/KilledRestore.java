package io.dbsnap.restore;

import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A restore of a store's newest snapshot, run in its own JVM by {@link KilledRestoreTest}, which
 * kills it halfway. Arguments: JDBC URL, user, store directory; the password comes in the
 * environment variable {@code DBSNAP_TEST_PASSWORD}, never on the command line.
 */
public final class KilledRestore {

    private KilledRestore() {
    }

    public static void main(String[] args) throws Exception {
        SnapshotStore store = new SnapshotStore(Path.of(args[2]));
        StoredSnapshot newest = store.list().get(0);
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("DBSNAP_TEST_PASSWORD"))) {
            new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, newest);
            System.out.println("restored");
        }
    }
}
