package io.dbsnap.restore;

import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A restore of a stored snapshot, run in its own JVM by {@link OutOfMemoryRestoreTest} with a
 * heap too small for one of its statements. Arguments: JDBC URL, user, snapshot directory,
 * snapshot name; the password comes in the environment variable {@code DBSNAP_TEST_PASSWORD}.
 */
public final class SmallHeapSnapshotRestore {

    private SmallHeapSnapshotRestore() {
    }

    public static void main(String[] args) throws Exception {
        SnapshotStore store = new SnapshotStore(Path.of(args[2]));
        StoredSnapshot snapshot = store.find(args[3]);
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("DBSNAP_TEST_PASSWORD"))) {
            new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, snapshot);
            System.out.println("restored");
        }
    }
}
