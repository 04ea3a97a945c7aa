package io.dbsnap.dumper;

import static io.dbsnap.dumper.CatalogQuery.qualifiedName;
import static io.dbsnap.dumper.CatalogQuery.strings;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.View;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads views and materialized views, with their output columns. */
final class ViewReader {

    private static final String VIEWS = " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL;

    private ViewReader() {
    }

    static List<View> read(CatalogQuery query) throws SQLException {
        Map<Long, List<View.OutputColumn>> columns = query.groupedByOid(
                "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN (SELECT x.nspname FROM pg_catalog.pg_collation o"
                        + "  JOIN pg_catalog.pg_namespace x ON x.oid = o.collnamespace WHERE o.oid = a.attcollation) END,"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT o.collname FROM pg_catalog.pg_collation o WHERE o.oid = a.attcollation) END,"
                        + " (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d"
                        + "  WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum)"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'v' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> new View.OutputColumn(rs.getString(2), rs.getString(3), qualifiedName(rs, 4),
                        Optional.ofNullable(rs.getString(6))));
        Map<Long, List<View.StoredColumn>> stored = storedColumns(query);
        // The check option is stored among the reloptions but written as WITH ... CHECK OPTION.
        return query.list("SELECT n.nspname, c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid),"
                        + " ARRAY(SELECT x FROM unnest(c.reloptions) WITH ORDINALITY AS o(x, i)"
                        + " WHERE x NOT LIKE 'check\\_option=%' ORDER BY i),"
                        + " (SELECT upper(substr(x, 14)) FROM unnest(c.reloptions) x WHERE x LIKE 'check\\_option=%'), c.oid,"
                        + " (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap'),"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisclustered)"
                        + VIEWS + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new View(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getBoolean(3),
                        withoutFinalSemicolon(rs.getString(4)), strings(rs, 5), Optional.ofNullable(rs.getString(6)),
                        columns.getOrDefault(rs.getLong(7), List.of()), Optional.ofNullable(rs.getString(8)),
                        stored.getOrDefault(rs.getLong(7), List.of()), Optional.ofNullable(rs.getString(9))));
    }

    /** The columns of materialized views with a statistics target, storage, compression or options of their own. */
    private static Map<Long, List<View.StoredColumn>> storedColumns(CatalogQuery query) throws SQLException {
        String compression = query.atLeast(14) ? "NULLIF(a.attcompression, '')" : "NULL";
        // attstattarget is -1 for "default" before PostgreSQL 17 and NULL from 17 on.
        return query.groupedByOid("SELECT a.attrelid, a.attname, NULLIF(a.attstattarget, -1),"
                        + " CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END, " + compression + ","
                        + " ARRAY(SELECT x FROM unnest(a.attoptions) WITH ORDINALITY AS o(x, i) ORDER BY i)"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'm'"
                        + " AND (COALESCE(a.attstattarget, -1) <> -1 OR a.attstorage <> t.typstorage OR " + compression
                        + " IS NOT NULL OR a.attoptions IS NOT NULL) AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> {
                    int statistics = rs.getInt(3);
                    Optional<Integer> statisticsTarget = rs.wasNull() ? Optional.empty() : Optional.of(statistics);
                    return new View.StoredColumn(rs.getString(2), statisticsTarget,
                            Optional.ofNullable(TableReader.storage(rs.getString(4))),
                            Optional.ofNullable(TableReader.compression(rs.getString(5))), strings(rs, 6));
                });
    }

    private static String withoutFinalSemicolon(String definition) {
        String trimmed = definition.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
