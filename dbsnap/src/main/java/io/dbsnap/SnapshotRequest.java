package io.dbsnap;

import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotContent;
import io.dbsnap.store.SnapshotDetails;
import io.dbsnap.store.SnapshotName;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A snapshot about to be taken, from {@link Snapshots#create(String)}: what it holds and where it
 * goes. Immutable; each setting returns a new request, so one can serve as a template.
 * {@link #from(DataSource)} takes it.
 */
public final class SnapshotRequest {

    private final String label;
    private final SnapshotDetails details;
    private final DumpOptions options;
    private final SnapshotScope scope;
    private final Compression compression;
    private final Path directory;
    private final SnapshotEvents events;

    private SnapshotRequest(String label, SnapshotDetails details, DumpOptions options, SnapshotScope scope,
                            Compression compression, Path directory, SnapshotEvents events) {
        this.label = label;
        this.details = details;
        this.options = options;
        this.scope = scope;
        this.compression = compression;
        this.directory = directory;
        this.events = events;
    }

    private SnapshotRequest(String label, SnapshotDetails details, DumpOptions options, SnapshotScope scope,
                            Compression compression, Path directory) {
        this(label, details, options, scope, compression, directory, SnapshotEvents.none());
    }

    static SnapshotRequest of(String label, Path directory) {
        SnapshotName.requireValidLabel(label);
        return new SnapshotRequest(label, SnapshotDetails.none(), DumpOptions.schemaOnly(), SnapshotScope.everything(),
                Compression.NONE, directory, SnapshotEvents.none());
    }

    /**
     * Tells {@code listener} when the snapshot is written ({@link SnapshotListener#created}) or
     * fails ({@link SnapshotListener#failed}); a listener that throws never fails the snapshot.
     */
    public SnapshotRequest notifying(SnapshotListener listener) {
        return new SnapshotRequest(label, details, options, scope, compression, directory, events.with(listener));
    }

    /** Tells these listeners, instead of those given before (a directory's, see {@link SnapshotDirectory#create}). */
    public SnapshotRequest withEvents(SnapshotEvents events) {
        return new SnapshotRequest(label, details, options, scope, compression, directory,
                Objects.requireNonNull(events, "events"));
    }

    /** Why the snapshot is taken, recorded in its metadata and shown in listings. */
    public SnapshotRequest purpose(String purpose) {
        return new SnapshotRequest(label, details.withPurpose(purpose), options, scope, compression, directory, events);
    }

    /** Free-form notes for its metadata. */
    public SnapshotRequest notes(String notes) {
        return new SnapshotRequest(label, details.withNotes(notes), options, scope, compression, directory, events);
    }

    /** Pins it: no retention policy will delete it. */
    public SnapshotRequest keep() {
        return new SnapshotRequest(label, details.pinned(), options, scope, compression, directory, events);
    }

    /** The schema only, no rows: the default. */
    public SnapshotRequest schemaOnly() {
        return with(options.with(DumpOptions.Content.SCHEMA_ONLY));
    }

    /** The schema and every table's rows, sequence values and large objects. */
    public SnapshotRequest withData() {
        return with(options.with(DumpOptions.Content.SCHEMA_AND_DATA));
    }

    /** Only the rows, for restoring into the same schema. */
    public SnapshotRequest dataOnly() {
        return with(options.with(DumpOptions.Content.DATA_ONLY));
    }

    /** Only these schemas (by default every schema but the system ones). */
    public SnapshotRequest schemas(String... names) {
        return new SnapshotRequest(label, details, options, new SnapshotScope(plus(scope.schemas(), names),
                scope.tables(), scope.excludeTables()), compression, directory, events);
    }

    /**
     * Only the tables, views and sequences matching these patterns ({@code schema.name} or
     * {@code name}, with {@code *} and {@code ?}), as pg_dump's {@code -t}.
     */
    public SnapshotRequest tables(String... patterns) {
        SnapshotScope newScope = new SnapshotScope(scope.schemas(), plus(scope.tables(), patterns), scope.excludeTables());
        CatalogReader.of(newScope); // checks the patterns now, so that a bad one fails before anything connects
        return new SnapshotRequest(label, details, options, newScope, compression, directory, events);
    }

    /** Leaves out the tables matching these patterns, as pg_dump's {@code -T}. */
    public SnapshotRequest excludeTables(String... patterns) {
        SnapshotScope newScope = new SnapshotScope(scope.schemas(), scope.tables(), plus(scope.excludeTables(), patterns));
        CatalogReader.of(newScope); // checks the patterns now
        return new SnapshotRequest(label, details, options, newScope, compression, directory, events);
    }

    /** Keeps these tables' definitions but not their rows, as pg_dump's {@code --exclude-table-data}. */
    public SnapshotRequest excludeTableData(String... patterns) {
        return with(options.excludeTableData(patterns));
    }

    /**
     * Leaves out who owns each object ({@code ALTER ... OWNER TO}), as pg_dump's {@code --no-owner}:
     * the restore then makes whoever runs it the owner of everything.
     */
    public SnapshotRequest noOwner() {
        return with(options.noOwner());
    }

    /**
     * Leaves out grants and default privileges, as pg_dump's {@code --no-privileges}: after a
     * restore, roles other than the owner have no access until granted it again.
     */
    public SnapshotRequest noPrivileges() {
        return with(options.noPrivileges());
    }

    /**
     * Owners are recorded by default (as by pg_dump without {@code --no-owner}); kept for callers
     * written when they were not.
     *
     * @deprecated owners are recorded unless {@link #noOwner()} is asked for
     */
    @Deprecated
    public SnapshotRequest withOwners() {
        return with(options.with(options.ddl().withOwners()));
    }

    /**
     * Grants are recorded by default (as by pg_dump without {@code --no-privileges}); kept for
     * callers written when they were not.
     *
     * @deprecated grants are recorded unless {@link #noPrivileges()} is asked for
     */
    @Deprecated
    public SnapshotRequest withPrivileges() {
        return with(options.with(options.ddl().withPrivileges()));
    }

    /** Writes {@code .sql.gz} instead of plain {@code .sql}. */
    public SnapshotRequest gzip() {
        return new SnapshotRequest(label, details, options, scope, Compression.GZIP, directory, events);
    }

    /** How long to wait for each table's lock before giving up (default 30 seconds). */
    public SnapshotRequest lockTimeout(Duration timeout) {
        return with(options.lockTimeout(timeout));
    }

    /** Reads the rows through this many connections at once (default 1), all seeing one point in time. */
    public SnapshotRequest parallel(int connections) {
        return with(options.parallel(connections));
    }

    /** The snapshot directory (default {@link Snapshots#defaultDirectory()}). */
    public SnapshotRequest in(Path directory) {
        return new SnapshotRequest(label, details, options, scope, compression,
                Objects.requireNonNull(directory, "directory"), events);
    }

    /**
     * Takes the snapshot. It appears in the directory only when complete; if anything fails, the
     * directory is as it was.
     *
     * @throws io.dbsnap.errors.DbSnapException when the database cannot be reached or read, or the snapshot written
     * @throws io.dbsnap.errors.LockNotAvailableException when a table stays locked longer than the lock timeout
     */
    public Snapshot from(DataSource source) {
        return from(source, UnaryOperator.identity());
    }

    /**
     * Like {@link #from(DataSource)}, with the script passing through {@code tap} on its way to the
     * file, so that a caller can watch it being written (the command line's progress display).
     * The stream {@code tap} returns must pass every byte on, unchanged, to the one it is given.
     */
    public Snapshot from(DataSource source, UnaryOperator<OutputStream> tap) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tap, "tap");
        SnapshotStore store = new SnapshotStore(directory);
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.of(scope), options);
        long started = System.nanoTime();
        Optional<String> database = Optional.empty();
        StoredSnapshot stored;
        try {
            Connection connection = Connections.open(source);
            try {
                database = Optional.of(DatabaseAddress.describe(connection));
                SnapshotDetails withDatabase = details.withDatabase(database.get());
                SnapshotContent content = options.parallel() > 1 ? dumper.snapshotContent(source)
                        : dumper.snapshotContent(connection);
                SnapshotContent tapped = out -> content.writeTo(tap.apply(out));
                stored = store.write(label, compression, withDatabase, tapped);
            } catch (RuntimeException | Error e) {
                Connections.close(connection, e);
                throw e;
            }
            Connections.close(connection, null);
        } catch (RuntimeException | Error e) {
            events.tell(SnapshotEvents.failure("snapshot", label, Optional.empty(), database, since(started), e));
            throw e;
        }
        Snapshot snapshot = new Snapshot(store, stored, events);
        events.tell(SnapshotEvents.about(SnapshotEvent.Type.CREATED, "snapshot", stored,
                snapshot.readableMetadata(), database, since(started)));
        return snapshot;
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Takes the snapshot from the database at {@code url}: {@code jdbc:postgresql://...} or
     * {@code postgresql://user:password@host:5432/db}. The password is used to connect and written
     * nowhere.
     */
    public Snapshot from(String url) {
        return from(Connections.dataSource(url));
    }

    private SnapshotRequest with(DumpOptions newOptions) {
        return new SnapshotRequest(label, details, newOptions, scope, compression, directory, events);
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        for (String item : more) {
            all.add(Objects.requireNonNull(item, "a name or pattern is null"));
        }
        return all;
    }
}
