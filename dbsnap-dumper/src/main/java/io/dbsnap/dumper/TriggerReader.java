package io.dbsnap.dumper;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Trigger;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads user-defined triggers of dumped tables and views: not the internal ones behind foreign
 * keys, and not the clones a partition gets from its parent's trigger (recreated by the parent's).
 */
final class TriggerReader {

    private TriggerReader() {
    }

    static List<Trigger> read(CatalogQuery query) throws SQLException {
        // tgparentid appeared in PostgreSQL 13; before it, clones were marked tgisinternal.
        String notAClone = query.atLeast(13) ? " AND t.tgparentid = 0" : "";
        return query.list("SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled"
                        + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE NOT t.tgisinternal" + notAClone + " AND c.relkind IN ('r', 'p', 'v', 'f') AND"
                        + notTracking() + "AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", t.tgname COLLATE \"C\"",
                rs -> new Trigger(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** dbsnap's own change-tracking trigger (see {@link TrackingObjects}) is not the user's. */
    private static String notTracking() {
        return " (t.tgname <> '" + TrackingObjects.TRIGGER + "' OR" + TrackingObjects.notTrackingFunction("t.tgfoid") + ") ";
    }
}
