package io.dbsnap;

import java.nio.file.Path;

/**
 * Takes a data snapshot, run in its own JVM by {@link KilledSnapshotTest}, which kills it halfway.
 * Argument: the snapshot directory; the URL, with its password, comes in the environment variable
 * {@code DBSNAP_TEST_SOURCE_URL}, never on the command line.
 */
public final class KilledSnapshot {

    private KilledSnapshot() {
    }

    public static void main(String[] args) {
        Snapshots.create("killed").withData().in(Path.of(args[0])).from(System.getenv("DBSNAP_TEST_SOURCE_URL"));
        System.out.println("written");
    }
}
