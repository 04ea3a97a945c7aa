package io.dbsnap.catalog;

import java.util.List;

/**
 * Everything dumped from a database's chosen schemas. Every list is sorted by identity so that
 * two reads of an unchanged database give equal catalogs.
 */
public record Catalog(List<Schema> schemas, List<Table> tables, List<Index> indexes, List<Routine> routines,
                      List<Trigger> triggers, List<Policy> policies) {

    public Catalog {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
    }
}
