package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.AccessMethod;
import java.sql.SQLException;
import java.util.List;

/** Reads the access methods a user created; database-wide, so only when every schema is dumped. */
public final class AccessMethodReader {

    private AccessMethodReader() {
    }

    public static List<AccessMethod> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT a.amname, CASE a.amtype WHEN 't' THEN 'TABLE' ELSE 'INDEX' END AS type,"
                        + " a.amhandler::pg_catalog.regproc::text AS handler FROM pg_catalog.pg_am a"
                        + " WHERE a.oid >= " + CastReader.FIRST_USER_OID + " AND" + SchemaFilter.notInExtension("pg_am", "a.oid")
                        + " ORDER BY a.amname COLLATE \"C\"",
                rs -> new AccessMethod(rs.getString("amname"), rs.getString("type"), rs.getString("handler")));
    }
}
