package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.EventTrigger;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads event triggers, database-wide objects read only when the whole database is dumped;
 * those whose function lives in a working schema (see {@link WorkingSchemas}) are left out.
 */
public final class EventTriggerReader {

    private EventTriggerReader() {
    }

    public static List<EventTrigger> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT et.evtname, et.evtevent, et.evttags, n.nspname, p.proname, et.evtenabled"
                        + " FROM pg_catalog.pg_event_trigger et JOIN pg_catalog.pg_proc p ON p.oid = et.evtfoid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_event_trigger", "et.oid")
                        + " AND" + WorkingSchemas.notWorkingFunction("et.evtfoid")
                        + " ORDER BY et.evtname COLLATE \"C\"",
                rs -> new EventTrigger(rs.getString("evtname"), rs.getString("evtevent"), strings(rs, "evttags"),
                        new QualifiedName(rs.getString("nspname"), rs.getString("proname")), rs.getString("evtenabled")));
    }
}
