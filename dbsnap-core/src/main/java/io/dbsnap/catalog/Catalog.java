package io.dbsnap.catalog;

import java.util.List;

/**
 * Everything dumped from a database's chosen schemas. Every list is sorted by identity so that
 * two reads of an unchanged database give equal catalogs. Database-wide objects (casts, event
 * triggers, publications, large objects) are read only when every schema is dumped, as pg_dump does.
 *
 * @param indexAttachments indexes of partitions attached to their partitioned table's index
 * @param owners           who owns each object (always read; written only on request)
 * @param privileges       access control lists that differ from the defaults (likewise)
 * @param dependencies     creation-order dependencies between the objects of this catalog
 */
public record Catalog(List<Schema> schemas, List<Extension> extensions, List<Collation> collations,
                      List<UserType> types, List<Sequence> sequences, List<Table> tables, List<View> views,
                      List<Index> indexes, List<IndexAttachment> indexAttachments, List<Routine> routines,
                      List<Operator> operators, List<Cast> casts, List<TextSearchDictionary> textSearchDictionaries,
                      List<TextSearchConfiguration> textSearchConfigurations, List<Trigger> triggers,
                      List<Rule> rules, List<StatisticsObject> statistics, List<Policy> policies,
                      List<Publication> publications, List<EventTrigger> eventTriggers, List<LargeObject> largeObjects,
                      List<Comment> comments, List<SecurityLabel> securityLabels, List<Ownership> owners,
                      List<AccessControl> privileges, List<DefaultPrivileges> defaultPrivileges,
                      List<Dependency> dependencies) {

    public Catalog {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
        collations = List.copyOf(collations);
        types = List.copyOf(types);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        indexes = List.copyOf(indexes);
        indexAttachments = List.copyOf(indexAttachments);
        routines = List.copyOf(routines);
        operators = List.copyOf(operators);
        casts = List.copyOf(casts);
        textSearchDictionaries = List.copyOf(textSearchDictionaries);
        textSearchConfigurations = List.copyOf(textSearchConfigurations);
        triggers = List.copyOf(triggers);
        rules = List.copyOf(rules);
        statistics = List.copyOf(statistics);
        policies = List.copyOf(policies);
        publications = List.copyOf(publications);
        eventTriggers = List.copyOf(eventTriggers);
        largeObjects = List.copyOf(largeObjects);
        comments = List.copyOf(comments);
        securityLabels = List.copyOf(securityLabels);
        owners = List.copyOf(owners);
        privileges = List.copyOf(privileges);
        defaultPrivileges = List.copyOf(defaultPrivileges);
        dependencies = List.copyOf(dependencies);
    }
}
