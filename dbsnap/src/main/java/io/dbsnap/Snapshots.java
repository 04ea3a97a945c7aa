package io.dbsnap;

import io.dbsnap.connection.ConnectionUrl;
import io.dbsnap.connection.LibpqEnvironment;
import io.dbsnap.restore.MigrationReport;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The entry point of dbsnap: take snapshots of a PostgreSQL database, list, restore, diff and
 * clean them up.
 *
 * <pre>{@code
 * Snapshot s = Snapshots.create("pre_migration")
 *     .purpose("before adding user_roles")
 *     .withData()
 *     .in(Path.of("snapshots"))
 *     .from(dataSource);                       // or .from("postgresql://user:pw@host:5432/db")
 * RestoreReport r = Snapshots.in(Path.of("snapshots")).latest().restoreTo(dataSource);
 * MigrationReport m = Snapshots.migrate(dataSource, Path.of("db/V2__roles.sql"));
 * }</pre>
 *
 * <p>Every option object is immutable; a setting returns a new one. Defaults are the safe ones: a
 * schema-only, uncompressed snapshot of every schema, written to {@link #defaultDirectory()}, and
 * restores that take a safety snapshot first.
 */
public final class Snapshots {

    /** The environment variable naming the default snapshot directory. */
    public static final String DIRECTORY_VARIABLE = "DBSNAP_DIR";

    private Snapshots() {
    }

    /**
     * Starts describing a new snapshot labelled {@code label}.
     *
     * @throws io.dbsnap.errors.InvalidLabelException at once, before anything is written, unless
     *                                               the label is 1 to 100 characters of
     *                                               {@code A-Z a-z 0-9 . _ -}
     */
    public static SnapshotRequest create(String label) {
        return SnapshotRequest.of(label, defaultDirectory());
    }

    /**
     * Starts describing the migration of a database by {@code file}, with snapshots before and
     * after it; see {@link MigrationRequest}.
     */
    public static MigrationRequest migration(Path file) {
        return MigrationRequest.of(file, defaultDirectory());
    }

    /**
     * Applies the migration {@code file} with the defaults: a schema snapshot before and after it
     * in {@link #defaultDirectory()}, the file in one transaction, and what it changed.
     */
    public static MigrationReport migrate(DataSource database, Path file) {
        return migration(file).applyTo(database);
    }

    /**
     * The snapshots in {@code directory} (which need not exist yet), or in a bucket:
     * {@code Path.of("s3://bucket/prefix")}, with the module dbsnap-s3 on the class path.
     */
    public static SnapshotDirectory in(Path directory) {
        return new SnapshotDirectory(directory);
    }

    /** {@code $DBSNAP_DIR} when it is set, else {@code ./snapshots}. */
    public static Path defaultDirectory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        return Path.of(configured == null || configured.isBlank() ? "snapshots" : configured);
    }

    /**
     * A data source for a URL in either form users are given: {@code jdbc:postgresql://host:5432/db?user=...}
     * or {@code postgresql://user:password@host:5432/db?sslmode=require}. What the URL leaves out
     * comes from the environment as libpq takes it (see {@link LibpqEnvironment}): the user from
     * {@code PGUSER}, the password from {@code PGPASSWORD}, else from {@code ~/.pgpass} or
     * {@code $PGPASSFILE}; so the password need not be in the URL at all.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static DataSource dataSource(String url) {
        return Connections.dataSource(url, LibpqEnvironment.system());
    }

    /**
     * A data source for {@code url} exactly as given, credentials included; no environment is read.
     * For callers that resolved the credentials themselves (see {@link LibpqEnvironment#complete}).
     */
    public static DataSource dataSource(ConnectionUrl url) {
        return Connections.dataSource(url);
    }
}
