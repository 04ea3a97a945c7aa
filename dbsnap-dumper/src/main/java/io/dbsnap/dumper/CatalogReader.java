package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Reads the catalog of a database into a {@link Catalog}: a fixed number of bulk queries, one or
 * a few per object kind, all in one read-only repeatable-read transaction so that they see one
 * point in time.
 */
public final class CatalogReader {

    private final SchemaFilter filter;

    private CatalogReader(SchemaFilter filter) {
        this.filter = filter;
    }

    /** Reads every schema that is not a system schema and not created by an extension. */
    public static CatalogReader allSchemas() {
        return new CatalogReader(SchemaFilter.all());
    }

    /** Reads only the named schemas. */
    public static CatalogReader schemas(String... names) {
        return new CatalogReader(new SchemaFilter(List.of(names)));
    }

    /**
     * Reads the catalog through {@code connection}, which must not be inside a transaction; the
     * connection's settings are as before when this returns.
     */
    public Catalog read(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            try (Statement s = connection.createStatement()) {
                // With an empty search_path the server qualifies every name it renders
                // (format_type, pg_get_expr, pg_get_*def), so the DDL does not depend on the
                // search_path of whoever restores it. pg_dump does the same.
                s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
            }
            return new Catalog(
                    SchemaReader.read(connection, filter),
                    TableReader.read(connection, filter),
                    IndexReader.read(connection, filter),
                    RoutineReader.read(connection, filter),
                    TriggerReader.read(connection, filter),
                    PolicyReader.read(connection, filter));
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }
}
