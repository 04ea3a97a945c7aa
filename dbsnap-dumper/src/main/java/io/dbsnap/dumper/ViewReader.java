package io.dbsnap.dumper;

import static io.dbsnap.dumper.CatalogQuery.strings;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.View;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads views and materialized views. */
final class ViewReader {

    private ViewReader() {
    }

    static List<View> read(CatalogQuery query) throws SQLException {
        // The check option is stored among the reloptions but written as WITH ... CHECK OPTION.
        return query.list("SELECT n.nspname, c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid),"
                        + " ARRAY(SELECT x FROM unnest(c.reloptions) WITH ORDINALITY AS o(x, i)"
                        + " WHERE x NOT LIKE 'check\\_option=%' ORDER BY i),"
                        + " (SELECT upper(substr(x, 14)) FROM unnest(c.reloptions) x WHERE x LIKE 'check\\_option=%')"
                        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('v', 'm') AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND"
                        + SchemaFilter.SQL + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new View(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getBoolean(3),
                        withoutFinalSemicolon(rs.getString(4)), strings(rs, 5), Optional.ofNullable(rs.getString(6))));
    }

    private static String withoutFinalSemicolon(String definition) {
        String trimmed = definition.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
