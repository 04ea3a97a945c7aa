package io.dbsnap.cli;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.restore.OperationLock;
import io.dbsnap.restore.RestoreResult;
import io.dbsnap.restore.Restorer;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.store.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Restores a SQL file that is not a dbsnap snapshot (pg_dump's plain output, a script by hand): in
 * one transaction with {@link Restorer}, under dbsnap's operation lock, after a safety snapshot, but with no metadata there is no
 * checksum to check, no scope to empty first and nothing to verify against. The user is told so.
 */
final class PlainFileRestore {

    private final CliContext context;
    private final Path directory;
    private final boolean yes;
    private final boolean safetySnapshot;
    private final String createDatabase;
    private final Duration lockTimeout;
    private boolean json;

    PlainFileRestore(CliContext context, Path directory, boolean yes, boolean safetySnapshot, String createDatabase,
                     Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
        this.context = context;
        this.directory = directory;
        this.yes = yes;
        this.safetySnapshot = safetySnapshot;
        this.createDatabase = createDatabase;
    }

    /** With {@code --json}: what was done as restore's JSON document instead of the text. */
    PlainFileRestore printingJson(boolean printJson) {
        this.json = printJson;
        return this;
    }

    int restore(Path file, Database database) throws SQLException {
        context.err().println("Warning: " + file + " is not a dbsnap snapshot (it has no metadata): it is restored"
                + " without a checksum check, nothing is dropped first and the result is not verified.");
        Database target = createDatabase == null ? database : database.onDatabase(createDatabase);
        context.err().print("Run " + file + " (" + Units.bytes(size(file)) + ") in one transaction\n  into "
                + target.describe() + "\nThis will:\n"
                + (createDatabase != null ? "  - create database " + createDatabase + " (refused if it exists)\n"
                : safetySnapshot ? "  - write a safety snapshot of the current state (" + SnapshotRestorer.SAFETY_LABEL
                + ") to " + directory + "\n" : "  - NOT write a safety snapshot (--no-safety-snapshot)\n")
                + "  - run every statement of the file; if one fails, none takes effect\n");
        if (createDatabase == null) {
            Confirmation.require(context, yes, "run " + file + " in " + target.describe());
        }
        if (createDatabase != null) {
            create(database, createDatabase);
        }
        Optional<Snapshot> safety = Optional.empty();
        RestoreResult result;
        boolean restored = false;
        ScriptMeter meter = new ScriptMeter();
        try (Connection connection = target.connect();
             OperationLock lock = OperationLock.take(connection)) {
            if (createDatabase == null && safetySnapshot) {
                safety = Optional.of(Snapshots.create(SnapshotRestorer.SAFETY_LABEL).withData().in(directory)
                        .purpose("taken automatically before restoring " + file.getFileName()).from(database.dataSource()));
            }
            try (InputStream script = meter.watch(Compression.decompressing(Files.newInputStream(file)));
                 ProgressDisplay progress = ProgressDisplay.start(context, "restore " + file.getFileName(), meter,
                         ScriptSize.uncompressed(file), OptionalInt.empty())) {
                result = new Restorer(lockTimeout).restore(connection, script);
                restored = true;
            }
        } catch (IOException e) {
            throw new DbSnapException("Could not read " + file + ": " + e.getMessage() + ". Nothing was changed.", e);
        } finally {
            if (!restored && createDatabase != null) {
                drop(database, createDatabase);
            }
        }
        if (json) {
            context.out().print(RestoreJson.ofPlainFile(file, target.describe(), result, safety.map(Snapshot::stored)));
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder("Restored ").append(file).append(" into ").append(target.describe())
                .append(" in ").append(Units.elapsed(result.elapsed())).append("\n  ")
                .append(RestoreSummary.counts(result)).append('\n');
        String dir = directory.equals(Environment.DEFAULT_DIRECTORY) ? "" : " --dir " + directory;
        safety.ifPresent(s -> text.append("  Safety snapshot: ").append(s.file()).append('\n')
                .append("  Undo with: dbsnap restore ").append(s.name()).append(dir).append('\n'));
        text.append("  Not verified: a plain SQL file has no metadata to check against.\n");
        context.out().print(text);
        return ExitCodes.OK;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DbSnapException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** As dbsnap's restorer creates a clone: from template0, refused when the name is taken. */
    private static void create(Database server, String name) throws SQLException {
        try (Connection connection = server.connect()) {
            try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new DbSnapException("A database named " + name + " exists already; it was left as it is."
                                + " Choose a new name, or restore into it without --create-db.");
                    }
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE DATABASE " + Identifiers.quote(name) + " TEMPLATE template0");
            }
        }
    }

    private void drop(Database server, String name) {
        try (Connection connection = server.connect(); Statement s = connection.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
        } catch (SQLException | DbSnapException e) {
            context.err().println("Could not drop database " + name + " after the restore into it failed: "
                    + e.getMessage() + ". Drop it by hand.");
        }
    }
}
