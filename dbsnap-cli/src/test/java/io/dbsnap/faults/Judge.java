package io.dbsnap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsnap.cli.ExitCodes;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What is checked after every fault, by means independent of dbsnap's own reading of the database:
 * pg_dump, the server's lock table, and the snapshot directory as {@code dbsnap list} and
 * {@code dbsnap verify} see it.
 */
final class Judge {

    private static final Duration SESSION_GUARD = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Judge() {
    }

    /**
     * The database as pg_dump prints it, schema and rows. The fast reset's own counters (schema
     * dbsnap_reset, sequences advanced outside any transaction) are left out: they are not the
     * user's data.
     */
    static String state(TestDatabase db) {
        return PgDump.run(db, "--exclude-schema=dbsnap_reset");
    }

    /** The lines of {@code actual} and {@code expected} that the other lacks (the first 15 of each), for a failure message. */
    static String difference(String expected, String actual) {
        Set<String> expectedLines = new java.util.HashSet<>(expected.lines().toList());
        Set<String> actualLines = new java.util.HashSet<>(actual.lines().toList());
        return "only before/intended:\n  " + String.join("\n  ", expected.lines().filter(l -> !actualLines.contains(l))
                .limit(15).toList()) + "\nonly now:\n  " + String.join("\n  ", actual.lines()
                .filter(l -> !expectedLines.contains(l)).limit(15).toList());
    }

    /**
     * Waits until no session is connected to {@code db} but the judge's own: a killed client's
     * backend ends (and its transaction rolls back) once the server notices the closed socket.
     */
    static void awaitSessionsGone(TestDatabase db) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SESSION_GUARD);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("sessions of a finished or killed dbsnap still connected to " + db
                            + " after " + SESSION_GUARD.toSeconds() + " s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** Sessions (other than the caller's) connected to {@code db}. */
    static long sessions(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** No advisory lock (dbsnap's operation lock, the fast reset's claim) is held on {@code db}. */
    static void assertAdvisoryLocksFree(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_locks"
                + " WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("advisory locks held on %s", db.name()).isZero();
        }
    }

    /**
     * The snapshot directory after a fault: {@code list} works, no listed snapshot is damaged
     * or fails {@code verify} (but those in {@code corrupted}), and a temporary file of a killed
     * write (nor the reservation of its name) does not survive the next write. The store removes such a file once its writer is gone
     * and it has been quiet for a minute (a guard for writers on other machines); the judge ages
     * the files by two minutes rather than waiting.
     *
     * @return what the judge saw
     */
    static Directory assertDirectorySound(TestDatabase db, Path dir, Set<String> corrupted) throws IOException {
        InProcessDbsnap.Run list = InProcessDbsnap.run(db, dir, "list", "--json");
        assertThat(list.exitCode()).as("dbsnap list --json: %s", list.all()).isEqualTo(ExitCodes.OK);
        List<String> names = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(list.out())) {
            String name = entry.get("name").asText();
            names.add(name);
            if (corrupted.contains(name)) {
                continue;
            }
            assertThat(entry.get("damaged").isNull()).as("listed snapshot %s is damaged: %s", name, entry).isTrue();
            InProcessDbsnap.Run verify = InProcessDbsnap.run(db, dir, "verify", name);
            assertThat(verify.exitCode()).as("dbsnap verify %s: %s", name, verify.all()).isEqualTo(ExitCodes.OK);
        }
        List<Path> partial = partialFiles(dir);
        if (!partial.isEmpty()) {
            FileTime twoMinutesAgo = FileTime.from(Instant.now().minus(Duration.ofMinutes(2)));
            for (Path file : partial) {
                Files.setLastModifiedTime(file, twoMinutesAgo);
            }
            InProcessDbsnap.Run write = InProcessDbsnap.run(db, dir, "snapshot", "judge_next_write");
            assertThat(write.exitCode()).as("the next write: dbsnap snapshot: %s", write.all()).isEqualTo(ExitCodes.OK);
            assertThat(partialFiles(dir)).as("temporary files after the next write").isEmpty();
        }
        return new Directory(names, partial.size());
    }

    /** The listed snapshots, and how many temporary files a killed write had left (removed by the next). */
    record Directory(List<String> listed, int leftoverTempFiles) {
    }

    static List<Path> partialFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // a write's temporary file and the reservation of its snapshot's name
            return files.filter(f -> f.getFileName().toString().startsWith(".dbsnap-partial-")
                    || f.getFileName().toString().startsWith(".dbsnap-reserved-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
