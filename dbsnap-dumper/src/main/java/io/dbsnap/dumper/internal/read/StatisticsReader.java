package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.StatisticsObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads extended statistics objects ({@code CREATE STATISTICS}) of the dumped schemas. */
public final class StatisticsReader {

    private StatisticsReader() {
    }

    public static List<StatisticsObject> read(CatalogQuery query) throws SQLException {
        // stxstattarget: since 13; -1 meant "default" until 17, where it became NULL.
        String target = query.atLeast(13) ? "NULLIF(s.stxstattarget, -1)" : "NULL";
        return query.list("SELECT n.nspname, s.stxname, pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition, " + target
                        + " AS statistics_target, tn.nspname AS table_schema, t.relname AS table_name"
                        + " FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace"
                        + " JOIN pg_catalog.pg_class t ON t.oid = s.stxrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_statistic_ext", "s.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", s.stxname COLLATE \"C\"",
                rs -> {
                    int value = rs.getInt("statistics_target");
                    Optional<Integer> statisticsTarget = rs.wasNull() ? Optional.empty() : Optional.of(value);
                    return new StatisticsObject(new QualifiedName(rs.getString("nspname"), rs.getString("stxname")),
                            new QualifiedName(rs.getString("table_schema"), rs.getString("table_name")),
                            rs.getString("definition"),
                            statisticsTarget);
                });
    }
}
