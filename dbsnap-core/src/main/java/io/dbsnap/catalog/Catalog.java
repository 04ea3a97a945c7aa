package io.dbsnap.catalog;

import java.util.List;

/**
 * Everything dumped from a database's chosen schemas. Every list is sorted by identity so that
 * two reads of an unchanged database give equal catalogs.
 *
 * @param indexAttachments indexes of partitions attached to their partitioned table's index
 * @param dependencies creation-order dependencies between the objects of this catalog
 */
public record Catalog(List<Schema> schemas, List<Extension> extensions, List<UserType> types,
                      List<Sequence> sequences, List<Table> tables, List<View> views, List<Index> indexes,
                      List<IndexAttachment> indexAttachments,
                      List<Routine> routines, List<Trigger> triggers, List<Policy> policies, List<Comment> comments,
                      List<Dependency> dependencies) {

    public Catalog {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        types = List.copyOf(types);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        indexes = List.copyOf(indexes);
        indexAttachments = List.copyOf(indexAttachments);
        routines = List.copyOf(routines);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
        comments = List.copyOf(comments);
        dependencies = List.copyOf(dependencies);
    }
}
