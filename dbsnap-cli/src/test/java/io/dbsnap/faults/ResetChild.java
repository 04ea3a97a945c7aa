package io.dbsnap.faults;

import io.dbsnap.reset.FastReset;
import io.dbsnap.reset.ResetReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A test suite's life in a JVM the fault suite can kill: capture the database for fast resets,
 * change rows as a test would, print {@value #READY}, wait for the go file, reset, print
 * {@value #DONE}, wait for the close file, close (which removes the change tracking). Arguments:
 * the work directory, the go file and the close file.
 */
public final class ResetChild {

    static final String READY = "READY";
    static final String DONE = "RESET DONE";

    private ResetChild() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path go = Path.of(args[1]);
        Path closeFile = Path.of(args[2]);
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(System.getenv("FAULT_JDBC_URL"));
        database.setUser(System.getenv("FAULT_USER"));
        database.setPassword(System.getenv("FAULT_PASSWORD"));
        FastReset reset = FastReset.capture(database, work);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(ShopFixture.changes());
        }
        System.out.println(READY);
        System.out.flush();
        awaitFile(go);
        ResetReport report = reset.reset();
        System.out.println(DONE + ": " + report);
        System.out.flush();
        awaitFile(closeFile);
        reset.close();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no file " + file + " within 2 minutes");
            }
            Thread.sleep(2);
        }
    }
}
