package io.dbsnap.restore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A restore of a script file, run in its own JVM by {@link LargeTableRestoreTest} with a heap
 * smaller than the table. Arguments: JDBC URL, user, script file; the password comes in the
 * environment variable {@code DBSNAP_TEST_PASSWORD}, never on the command line.
 */
public final class SmallHeapRestore {

    private SmallHeapRestore() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("DBSNAP_TEST_PASSWORD"))) {
            RestoreResult result = new Restorer().restore(c, Path.of(args[2]));
            System.out.println("rows " + result.rows());
        }
    }
}
