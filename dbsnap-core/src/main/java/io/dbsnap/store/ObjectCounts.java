package io.dbsnap.store;

import io.dbsnap.catalog.Catalog;

/**
 * How many objects of the main kinds a snapshot holds, recorded in its metadata so that a listing
 * or a quick look tells snapshots apart without reading their catalogs.
 *
 * @param views     views and materialized views
 * @param functions functions, procedures and aggregates
 * @param types     user-defined types: enums, domains, composites, ranges, base types
 * @param indexes   indexes of their own, as pg_dump counts them: not those that implement a primary
 *                  key, unique or exclusion constraint
 */
public record ObjectCounts(int tables, int views, int functions, int triggers, int policies, int sequences,
                           int types, int indexes) {

    public static ObjectCounts of(Catalog catalog) {
        return new ObjectCounts(catalog.tables().size(), catalog.views().size(), catalog.routines().size(),
                catalog.triggers().size(), catalog.policies().size(), catalog.sequences().size(),
                catalog.types().size(), catalog.indexes().size());
    }
}
