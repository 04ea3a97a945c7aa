package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Rule;
import java.sql.SQLException;
import java.util.List;

/** Reads rewrite rules other than the {@code _RETURN} rule that makes a view. */
public final class RuleReader {

    private RuleReader() {
    }

    public static List<Rule> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, c.relname, r.rulename, pg_catalog.pg_get_ruledef(r.oid) AS definition, r.ev_enabled"
                        + " FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE r.rulename <> '_RETURN' AND" + SchemaFilter.notInExtension("pg_class", "c.oid")
                        + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", r.rulename COLLATE \"C\"",
                rs -> new Rule(new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("rulename"),
                        withoutSemicolon(rs.getString("definition")), rs.getString("ev_enabled")));
    }

    private static String withoutSemicolon(String definition) {
        String trimmed = definition.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
