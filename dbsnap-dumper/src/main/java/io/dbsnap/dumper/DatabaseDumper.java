package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.View;
import io.dbsnap.connection.DatabaseConnections;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dump.Section;
import io.dbsnap.dumper.internal.data.DataSection;
import io.dbsnap.dumper.internal.data.ScriptOutput;
import io.dbsnap.dump.TableData;
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import io.dbsnap.dumper.internal.plan.DependencyOrder;
import io.dbsnap.dumper.internal.plan.MaterializedViewRefresh;
import io.dbsnap.dumper.internal.plan.PlannedStatement;
import io.dbsnap.dumper.internal.read.DumpSession;
import io.dbsnap.dumper.internal.read.LockHolders;
import io.dbsnap.dumper.internal.read.SnapshotTransaction;
import io.dbsnap.dumper.internal.read.TableLocks;
import io.dbsnap.dumper.internal.read.Unreadable;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.LockNotAvailableException;
import io.dbsnap.store.RecordedAccess;
import io.dbsnap.store.SnapshotContent;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.TableFacts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dumps a database as one plain SQL script: schema (pre-data), data (COPY blocks, sequence
 * values, large objects), schema (post-data), then materialized views refreshed.
 *
 * <p>Everything is read in one {@code REPEATABLE READ, READ ONLY} transaction, so the schema and
 * every table's rows are of one point in time, with every table locked {@code ACCESS SHARE} so
 * that none is dropped or altered meanwhile. Rows stream from the server into the output and are
 * never held in memory.
 */
public final class DatabaseDumper {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDumper.class);
    private static final int BUFFER = 1 << 16;

    private final CatalogReader reader;
    private final DumpOptions options;

    public DatabaseDumper(CatalogReader reader, DumpOptions options) {
        this.reader = reader;
        this.options = options;
    }

    /**
     * Writes the script to {@code out} (which stays open). {@code connection} must not be inside a
     * transaction; its settings are as before when this returns.
     *
     * @throws io.dbsnap.errors.LockNotAvailableException when a table stays locked by another session
     *                                             longer than the lock timeout
     * @throws DbSnapException                     when the database cannot be read or the output written
     */
    public DumpResult dump(Connection connection, OutputStream out) {
        if (options.parallel() > 1) {
            throw new IllegalStateException("A dump with " + options.parallel() + " connections needs a way to open them:"
                    + " call dump(DataSource, OutputStream)");
        }
        return dump(connection, Optional.empty(), out);
    }

    /**
     * Writes the script to {@code out} (which stays open) through a connection from
     * {@code source}, and, with {@link DumpOptions#parallel(int)}, as many more as it asks for,
     * each closed when the dump ends. The script is the one {@link #dump(Connection, OutputStream)}
     * writes.
     *
     * @throws io.dbsnap.errors.LockNotAvailableException when a table stays locked by another session
     *                                             longer than the lock timeout
     * @throws DbSnapException                     when the database cannot be read or the output written
     */
    public DumpResult dump(DataSource source, OutputStream out) {
        Connection connection = DatabaseConnections.open(source, "the database");
        try {
            return dump(connection, Optional.of(source), out);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // what was written stands: a connection that fails to close does not make it wrong
                LOG.warn("Could not close the dump's connection: {}", e.getMessage());
            }
        }
    }

    private DumpResult dump(Connection connection, Optional<DataSource> moreConnections, OutputStream out) {
        try {
            return SnapshotTransaction.run(connection, options.lockTimeout(), c -> dumpInTransaction(c, moreConnections, out));
        } catch (SQLException e) {
            if (LockHolders.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                // reading a view's or a default's definition waits for the tables under it
                throw new LockNotAvailableException("Could not read the database within the lock timeout ("
                        + options.lockTimeout().toMillis() + " ms): another session holds an ACCESS EXCLUSIVE lock (an"
                        + " ALTER TABLE, a migration, a VACUUM FULL ...)." + LockHolders.explain(connection, true, "")
                        + " Nothing was written. Try again when it has finished, or allow a longer lock timeout.", e);
            }
            throw new DbSnapException("Could not read the database: " + e.getMessage() + " (SQLSTATE " + e.getSQLState()
                    + "). The dump is incomplete and must not be used.", e);
        } catch (IOException | UncheckedIOException e) {
            throw new DbSnapException("Could not write the dump: " + e.getMessage()
                    + ". The dump is incomplete and must not be used.", e);
        }
    }

    /**
     * The dump as the content of a {@link io.dbsnap.store.SnapshotStore} snapshot, which records
     * the row counts and checksums in the snapshot's metadata:
     * {@code store.write("pre_migration", Compression.GZIP, dumper.snapshotContent(connection))}.
     */
    public SnapshotContent snapshotContent(Connection connection) {
        return out -> facts(dump(connection, out));
    }

    /** Like {@link #snapshotContent(Connection)}, with connections from {@code source}, as many as the options ask for. */
    public SnapshotContent snapshotContent(DataSource source) {
        return out -> facts(dump(source, out));
    }

    private SnapshotFacts facts(DumpResult result) {
        return new SnapshotFacts(switch (options.content()) {
            case SCHEMA_ONLY -> SnapshotFacts.SCHEMA_ONLY;
            case SCHEMA_AND_DATA -> SnapshotFacts.SCHEMA_AND_DATA;
            case DATA_ONLY -> SnapshotFacts.DATA_ONLY;
        }, result.serverVersion(), reader.scope(), result.tables().stream()
                .map(t -> new TableFacts(t.table().sql(), t.rows(), t.sha256())).toList(), Optional.of(result.catalog()),
                // a data-only script sets neither
                options.content().schema() ? new RecordedAccess(options.ddl().owners(), options.ddl().privileges())
                        : RecordedAccess.none());
    }

    private DumpResult dumpInTransaction(Connection connection, Optional<DataSource> moreConnections, OutputStream target)
            throws SQLException, IOException {
        // the server_version the server reported when the connection started: no query needed
        String serverVersion = connection.getMetaData().getDatabaseProductVersion();
        DumpSession.configure(connection);
        Catalog catalog = reader.readWithin(connection);
        Unreadable unreadable = Unreadable.find(connection);
        // LOCK needs a privilege on the table; one the role cannot read is dumped without its rows, unlocked
        TableLocks.lock(connection, catalog.tables().stream().filter(t -> unreadable.canRead(t.name())).toList(),
                options.lockTimeout());
        // Rows hidden by row-level security would be silently missing: fail instead, as pg_dump does.
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL row_security = off");
        }

        OutputStream bytes = new BufferedOutputStream(target, BUFFER);
        Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        ScriptOutput script = new ScriptOutput(text);
        script.begin(switch (options.content()) {
            case SCHEMA_ONLY -> "dbsnap schema snapshot";
            case SCHEMA_AND_DATA -> "dbsnap snapshot: schema and data";
            case DATA_ONLY -> "dbsnap data snapshot";
        });
        List<PlannedStatement> plan = options.content().schema() ? DdlPlanner.plan(catalog, options.ddl()) : List.of();
        for (PlannedStatement statement : plan) {
            if (statement.section() != Section.POST_DATA) {
                script.statement(statement.section(), statement.sql());
            }
        }
        DataSection data = new DataSection(connection, moreConnections, options, unreadable, script, text, bytes);
        List<TableData> written = options.content().data() ? data.write(catalog) : List.of();
        for (PlannedStatement statement : plan) {
            if (statement.section() == Section.POST_DATA) {
                script.statement(statement.section(), statement.sql());
            }
        }
        if (options.content().data()) {
            // after the indexes, as pg_dump does; in dependency order, for views built on views
            for (View view : populatedMaterializedViews(catalog)) {
                script.statement(Section.POST_DATA, MaterializedViewRefresh.of(view));
            }
        }
        script.flush();
        bytes.flush();
        return new DumpResult(catalog, serverVersion, written, data.warnings());
    }

    /** The materialized views the catalog records as populated, in dependency order. */
    private static List<View> populatedMaterializedViews(Catalog catalog) {
        Map<ObjectId, View> views = new LinkedHashMap<>();
        catalog.views().stream().filter(v -> v.materialized() && v.populated()).forEach(v -> views.put(v.id(), v));
        return DependencyOrder.sort(List.copyOf(views.keySet()), catalog.dependencies()).stream().map(views::get).toList();
    }
}
