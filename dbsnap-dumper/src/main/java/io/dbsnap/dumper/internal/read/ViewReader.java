package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.qualifiedName;
import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.View;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads views and materialized views, with their output columns. */
public final class ViewReader {

    private static final String VIEWS = " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL;

    private ViewReader() {
    }

    public static List<View> read(CatalogQuery query) throws SQLException {
        Map<Long, List<View.OutputColumn>> columns = query.groupedByOid(
                "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN (SELECT x.nspname FROM pg_catalog.pg_collation o"
                        + "  JOIN pg_catalog.pg_namespace x ON x.oid = o.collnamespace WHERE o.oid = a.attcollation) END"
                        + " AS collation_schema, CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT o.collname FROM pg_catalog.pg_collation o WHERE o.oid = a.attcollation) END AS collation_name,"
                        + " (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d"
                        + "  WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum) AS default_value"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'v' AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> new View.OutputColumn(rs.getString("attname"), rs.getString("type"), qualifiedName(rs, "collation"),
                        Optional.ofNullable(rs.getString("default_value"))));
        Map<Long, List<View.StoredColumn>> stored = storedColumns(query);
        // The check option is stored among the reloptions but written as WITH ... CHECK OPTION.
        return query.list("SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized, pg_catalog.pg_get_viewdef(c.oid) AS definition,"
                        + " ARRAY(SELECT x FROM unnest(c.reloptions) WITH ORDINALITY AS o(x, i)"
                        + " WHERE x NOT LIKE 'check\\_option=%' ORDER BY i) AS options,"
                        + " (SELECT upper(substr(x, 14)) FROM unnest(c.reloptions) x WHERE x LIKE 'check\\_option=%')"
                        + " AS check_option, c.oid,"
                        + " (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap')"
                        + " AS access_method,"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisclustered) AS clustered_on, c.relispopulated"
                        + VIEWS + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new View(new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getBoolean("materialized"),
                        withoutFinalSemicolon(rs.getString("definition")), strings(rs, "options"),
                        Optional.ofNullable(rs.getString("check_option")), columns.getOrDefault(rs.getLong("oid"), List.of()),
                        Optional.ofNullable(rs.getString("access_method")), stored.getOrDefault(rs.getLong("oid"), List.of()),
                        Optional.ofNullable(rs.getString("clustered_on")), rs.getBoolean("relispopulated")));
    }

    /** The columns of materialized views with a statistics target, storage, compression or options of their own. */
    private static Map<Long, List<View.StoredColumn>> storedColumns(CatalogQuery query) throws SQLException {
        String compression = query.atLeast(14) ? "NULLIF(a.attcompression, '')" : "NULL";
        // attstattarget is -1 for "default" before PostgreSQL 17 and NULL from 17 on.
        return query.groupedByOid("SELECT a.attrelid, a.attname, NULLIF(a.attstattarget, -1) AS statistics_target,"
                        + " CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage, " + compression
                        + " AS compression, ARRAY(SELECT x FROM unnest(a.attoptions) WITH ORDINALITY AS o(x, i) ORDER BY i)"
                        + " AS options"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'm'"
                        + " AND (COALESCE(a.attstattarget, -1) <> -1 OR a.attstorage <> t.typstorage OR " + compression
                        + " IS NOT NULL OR a.attoptions IS NOT NULL) AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> {
                    int statistics = rs.getInt("statistics_target");
                    Optional<Integer> statisticsTarget = rs.wasNull() ? Optional.empty() : Optional.of(statistics);
                    return new View.StoredColumn(rs.getString("attname"), statisticsTarget,
                            Optional.ofNullable(TableReader.storage(rs.getString("storage"))),
                            Optional.ofNullable(TableReader.compression(rs.getString("compression"))),
                            strings(rs, "options"));
                });
    }

    private static String withoutFinalSemicolon(String definition) {
        String trimmed = definition.stripTrailing();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
