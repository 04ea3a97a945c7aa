package io.dbsnap.junit5;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.reset.FastReset;
import io.dbsnap.reset.ResetReport;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database of the test run and its snapshot, shared by every test class that uses it: kept
 * in JUnit's root store under the database's address, so the snapshot is taken once per run,
 * and closed (the tracking removed from the database) when the run ends.
 */
final class SuiteDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteDatabase.class);

    private final String address;
    private final DataSource dataSource;
    private final String from;
    private final String directory;
    private FastReset reset;

    SuiteDatabase(String address, DataSource dataSource, DbSnapshot settings) {
        this.address = address;
        this.dataSource = dataSource;
        this.from = settings.from();
        this.directory = settings.directory();
    }

    /** Refuses settings that disagree on where the one snapshot of this database comes from. */
    void checkSameOrigin(DbSnapshot settings, Class<?> testClass) {
        if (!settings.from().equals(from) || !settings.directory().equals(directory)) {
            throw new DbSnapException("Test class " + testClass.getName() + " wants database " + address
                    + " captured from '" + settings.from() + "' in '" + settings.directory() + "', but another class"
                    + " of this run has captured it from '" + from + "' in '" + directory + "': one database has one"
                    + " snapshot per run. Use the same @DbSnapshot(from, directory) or another database.");
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    String address() {
        return address;
    }

    boolean captured() {
        return reset != null;
    }

    /** Takes the snapshot the first time (restoring {@code from} first when given). */
    synchronized FastReset capture() {
        if (reset == null) {
            if (!from.isEmpty()) {
                Path dir = directory.isEmpty() ? Snapshots.defaultDirectory() : Path.of(directory);
                Snapshot named = Snapshots.in(dir).get(from);
                // the test database is the suite's to replace: a schema-only snapshot empties its tables
                RestoreReport restored = named.restoreTo(dataSource,
                        RestoreOptions.defaults().withoutSafetySnapshot().discardingData());
                if (!restored.verification().verified()) {
                    throw new DbSnapException("Restoring " + named + " into " + address + " did not verify: "
                            + restored.verification().differences());
                }
                LOG.info("Restored {} into {} for the tests", named, address);
            }
            reset = FastReset.capture(dataSource);
        }
        return reset;
    }

    /** Resets, when the snapshot has been taken; checks the result when asked to. */
    synchronized Optional<ResetReport> reset(boolean verify) {
        if (reset == null) {
            return Optional.empty();
        }
        ResetReport report = reset.reset();
        LOG.debug("Reset {}: {}", address, report);
        if (verify) {
            var verification = reset.verify();
            if (!verification.verified()) {
                throw new DbSnapException("After the reset (" + report + "), database " + address
                        + " differs from its snapshot: " + verification.differences());
            }
        }
        return Optional.of(report);
    }

    @Override
    public synchronized void close() {
        if (reset != null) {
            reset.close();
        }
    }
}
