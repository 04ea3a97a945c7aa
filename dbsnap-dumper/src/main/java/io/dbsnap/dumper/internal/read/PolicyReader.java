package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads row-level security policies of dumped tables. */
public final class PolicyReader {

    private PolicyReader() {
    }

    public static List<Policy> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, c.relname, p.polname, p.polpermissive,"
                        + " CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'"
                        + " WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,"
                        // role OID 0 stands for PUBLIC
                        + " ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r) END"
                        + " FROM unnest(p.polroles) r ORDER BY 1) AS roles,"
                        + " pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expression,"
                        + " pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression"
                        + " FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", p.polname COLLATE \"C\"",
                rs -> new Policy(new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("polname"),
                        rs.getBoolean("polpermissive"), rs.getString("command"), strings(rs, "roles"),
                        Optional.ofNullable(rs.getString("using_expression")),
                        Optional.ofNullable(rs.getString("check_expression"))));
    }
}
