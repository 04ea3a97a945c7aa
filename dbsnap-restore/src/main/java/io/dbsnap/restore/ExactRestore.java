package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import io.dbsnap.dumper.internal.ddl.InitialPrivileges;
import io.dbsnap.dumper.internal.plan.PlannedStatement;
import io.dbsnap.dump.Section;
import io.dbsnap.errors.RestoreFailedException;
import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.restore.script.StatementKind;
import io.dbsnap.store.SnapshotScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties a snapshot's scope before its script recreates it, so that afterwards the scope holds
 * exactly the snapshot's objects. The drops are those of pg_dump's {@code --clean}, but planned
 * from what the database holds NOW rather than from the snapshot: a table or function created
 * after the snapshot (by a migration) is dropped too, where {@code --clean} would leave it behind.
 *
 * <p>Nothing is dropped with CASCADE: an object outside the scope that depends on one inside (a
 * view in another schema on a table of this one) makes the drop fail and the restore roll back,
 * rather than being dropped silently.
 */
final class ExactRestore {

    private static final Logger LOG = LoggerFactory.getLogger(ExactRestore.class);

    private final SnapshotScope scope;
    private final boolean owners;
    private final boolean privileges;
    private int dropped;

    /**
     * @param owners     whether the snapshot's owners are restored: then the owner of schema
     *                   {@code public}, which no restore drops, first goes back to the default
     * @param privileges whether the snapshot's grants are restored: then the grants changed since
     *                   on objects no restore drops (schema {@code public}, extension members) are
     *                   first undone too
     */
    ExactRestore(SnapshotScope scope, boolean owners, boolean privileges) {
        this.scope = scope;
        this.owners = owners;
        this.privileges = privileges;
    }

    /** Drops every object of the scope, inside the caller's transaction. */
    void dropCurrentObjects(Connection connection) throws SQLException {
        Catalog current = readCurrent(connection);
        List<String> drops = new ArrayList<>(InitialPrivileges.restore(current, owners, privileges));
        DdlPlanner.plan(current, DdlOptions.defaults().withClean()).stream()
                .filter(s -> s.section() == Section.CLEAN).map(PlannedStatement::sql).forEach(drops::add);
        LOG.debug("Dropping {} objects of the snapshot's scope before restoring it", drops.size());
        StatementBatch batch = new StatementBatch(connection);
        try {
            for (int i = 0; i < drops.size(); i++) {
                batch.add(new ScriptStatement(drops.get(i), i + 1, 0, StatementKind.SQL));
            }
            batch.flush();
        } catch (StatementBatch.Failure f) {
            throw new RestoreFailedException("Could not drop " + f.statement.sql() + " before restoring the snapshot: "
                    + f.cause.getMessage() + " (SQLSTATE " + f.cause.getSQLState() + "). Probably an object outside the"
                    + " snapshot's scope depends on it. The restore was rolled back; the database is as it was before.",
                    0, 0, String.valueOf(f.cause.getSQLState()), f.cause);
        } finally {
            batch.close();
        }
        dropped = drops.size();
    }

    /** The number of drop statements run. */
    int dropped() {
        return dropped;
    }

    /** The scope's current catalog, read without changing the transaction's search_path for the script. */
    private Catalog readCurrent(Connection connection) throws SQLException {
        String searchPath;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
            rs.next();
            searchPath = rs.getString(1);
        }
        Catalog current = CatalogReader.of(scope).readWithin(connection);
        try (var s = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
            s.setString(1, searchPath);
            s.execute();
        }
        return current;
    }
}
