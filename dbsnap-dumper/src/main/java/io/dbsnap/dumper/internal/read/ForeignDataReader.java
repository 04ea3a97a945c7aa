package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.ForeignDataWrapper;
import io.dbsnap.catalog.ForeignServer;
import io.dbsnap.catalog.UserMapping;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads foreign data wrappers (those not made by an extension), foreign servers and user
 * mappings; database-wide, so only when every schema is dumped. Options are rendered by the server
 * as {@code name 'value'}.
 */
public final class ForeignDataReader {

    private ForeignDataReader() {
    }

    /** The SQL of {@code options} (a text[] of {@code name=value}) rendered for an OPTIONS clause, labelled options. */
    private static String options(String column) {
        return " ARRAY(SELECT pg_catalog.quote_ident(o.option_name) || ' ' || pg_catalog.quote_literal(o.option_value)"
                + " FROM pg_catalog.pg_options_to_table(" + column + ") o) AS options";
    }

    public static List<ForeignDataWrapper> wrappers(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT w.fdwname, NULLIF(w.fdwhandler, 0)::pg_catalog.regproc::text AS handler,"
                        + " NULLIF(w.fdwvalidator, 0)::pg_catalog.regproc::text AS validator," + options("w.fdwoptions")
                        + " FROM pg_catalog.pg_foreign_data_wrapper w"
                        + " WHERE" + SchemaFilter.notInExtension("pg_foreign_data_wrapper", "w.oid")
                        + " ORDER BY w.fdwname COLLATE \"C\"",
                rs -> new ForeignDataWrapper(rs.getString("fdwname"), Optional.ofNullable(rs.getString("handler")),
                        Optional.ofNullable(rs.getString("validator")), strings(rs, "options")));
    }

    public static List<ForeignServer> servers(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT s.srvname, w.fdwname, s.srvtype, s.srvversion," + options("s.srvoptions")
                        + " FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw"
                        + " WHERE" + SchemaFilter.notInExtension("pg_foreign_server", "s.oid")
                        + " ORDER BY s.srvname COLLATE \"C\"",
                rs -> new ForeignServer(rs.getString("srvname"), rs.getString("fdwname"), Optional.ofNullable(rs.getString("srvtype")),
                        Optional.ofNullable(rs.getString("srvversion")), strings(rs, "options")));
    }

    /**
     * The user mappings; their options are visible to a superuser, the server's owner and the
     * mapped user (pg_user_mappings shows NULL to anyone else, read as no options).
     */
    public static List<UserMapping> userMappings(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT CASE WHEN u.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(u.usename) END AS user_sql,"
                        + " u.srvname," + options("u.umoptions")
                        + " FROM pg_catalog.pg_user_mappings u WHERE" + SchemaFilter.notInExtension("pg_foreign_server", "u.srvid")
                        + " ORDER BY u.srvname COLLATE \"C\", u.usename COLLATE \"C\"",
                rs -> new UserMapping(rs.getString("user_sql"), rs.getString("srvname"), strings(rs, "options")));
    }
}
