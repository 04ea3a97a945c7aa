package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.LargeObject;
import io.dbsnap.catalog.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * What the connected role may not read: tables and sequences without {@code SELECT}, large
 * objects it has no right to. On a managed service the role that owns the application's schemas
 * is often not allowed to read everything in the database; their definitions are still dumped
 * (the catalog is readable by all), their contents are left out with a warning rather than
 * failing the whole dump.
 */
public record Unreadable(Set<QualifiedName> relations, Set<Long> largeObjects) {

    public static Unreadable find(Connection connection) throws SQLException {
        Set<QualifiedName> relations = new HashSet<>();
        Set<Long> largeObjects = new HashSet<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'S') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'"
                    + " AND NOT pg_catalog.has_table_privilege(c.oid, 'SELECT')")) {
                while (rs.next()) {
                    relations.add(new QualifiedName(rs.getString("nspname"), rs.getString("relname")));
                }
            }
            // Without lo_compat_privileges, reading a large object needs SELECT on it or its owner's rights
            // (has_largeobject_privilege exists only from PostgreSQL 17).
            try (ResultSet rs = s.executeQuery("SELECT m.oid FROM pg_catalog.pg_largeobject_metadata m"
                    + " WHERE NOT pg_catalog.current_setting('lo_compat_privileges')::boolean"
                    + " AND NOT pg_catalog.pg_has_role(m.lomowner, 'USAGE')"
                    + " AND NOT EXISTS (SELECT FROM pg_catalog.aclexplode(m.lomacl) a WHERE a.privilege_type = 'SELECT'"
                    + " AND (a.grantee = 0 OR pg_catalog.pg_has_role(a.grantee, 'USAGE')))")) {
                while (rs.next()) {
                    largeObjects.add(rs.getLong("oid"));
                }
            }
        }
        return new Unreadable(relations, largeObjects);
    }

    public boolean canRead(QualifiedName relation) {
        return !relations.contains(relation);
    }

    public boolean canRead(LargeObject lo) {
        return !largeObjects.contains(lo.oid());
    }
}
