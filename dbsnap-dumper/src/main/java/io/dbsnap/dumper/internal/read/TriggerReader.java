package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Trigger;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads user-defined triggers of dumped tables and views: not the internal ones behind foreign
 * keys, and the clones a partition gets from its parent's trigger (recreated by the parent's) only
 * when their enabled state was changed apart from the parent's. A trigger whose function lives in a
 * working schema (see {@link WorkingSchemas}) is not the user's either.
 */
public final class TriggerReader {

    private TriggerReader() {
    }

    public static List<Trigger> read(CatalogQuery query) throws SQLException {
        // tgparentid appeared in PostgreSQL 13; before 15 clones were marked tgisinternal too.
        // A clone is read only when its enabled state is not its parent trigger's, as pg_dump does.
        String cloneOf = query.atLeast(13)
                ? " (SELECT pn.nspname FROM pg_catalog.pg_trigger pt JOIN pg_catalog.pg_class pc ON pc.oid = pt.tgrelid"
                + "   JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE pt.oid = t.tgparentid) AS parent_schema,"
                + " (SELECT pc.relname FROM pg_catalog.pg_trigger pt JOIN pg_catalog.pg_class pc ON pc.oid = pt.tgrelid"
                + "   WHERE pt.oid = t.tgparentid) AS parent_table"
                : " NULL AS parent_schema, NULL AS parent_table";
        String userTrigger = query.atLeast(13) ? " ((NOT t.tgisinternal AND t.tgparentid = 0) OR (t.tgparentid <> 0"
                + " AND t.tgenabled <> (SELECT pt.tgenabled FROM pg_catalog.pg_trigger pt WHERE pt.oid = t.tgparentid)))"
                : " NOT t.tgisinternal";
        return query.list("SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) AS definition, t.tgenabled,"
                        + cloneOf
                        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE" + userTrigger + " AND c.relkind IN ('r', 'p', 'v', 'f') AND"
                        + WorkingSchemas.notWorkingFunction("t.tgfoid") + "AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", t.tgname COLLATE \"C\"",
                rs -> new Trigger(new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("tgname"),
                        rs.getString("definition"), rs.getString("tgenabled"), rs.getString("parent_schema") == null
                        ? Optional.empty()
                        : Optional.of(new QualifiedName(rs.getString("parent_schema"), rs.getString("parent_table")))));
    }
}
