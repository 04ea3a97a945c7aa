package io.dbsnap.dumper.internal.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Which schemas are dumped: the named ones, or every schema that is not a system schema and not
 * created by an extension. Every catalog query joins {@code pg_namespace n} and appends
 * {@link #SQL}, whose two parameters are the schema list.
 */
public record SchemaFilter(List<String> schemas) {

    // working schemas (dbsnap_*: dbsnap's own objects, such as the test reset's) are no part of the user's database
    static final String SQL = " n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
            + " AND" + WorkingSchemas.notWorkingSchema("n.nspname")
            + " AND (cardinality(?::text[]) = 0 OR n.nspname = ANY(?::text[]))"
            + " AND" + notInExtension("pg_namespace", "n.oid");

    public SchemaFilter {
        schemas = List.copyOf(schemas);
    }

    public static SchemaFilter all() {
        return new SchemaFilter(List.of());
    }

    /** Whether every schema is dumped, and with them the database-wide objects (casts, publications, ...). */
    boolean wholeDatabase() {
        return schemas.isEmpty();
    }

    /** Prepares {@code sql}, whose only parameters are the two of {@link #SQL}. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Array names = connection.createArrayOf("text", schemas.toArray());
        statement.setArray(1, names);
        statement.setArray(2, names);
        return statement;
    }

    /** The condition that the object {@code oidColumn} of catalog {@code catalog} is no extension member. */
    static String notInExtension(String catalog, String oidColumn) {
        return " NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND e.objid = " + oidColumn + " AND e.deptype = 'e') ";
    }
}
