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
 * @param operatorFamilies operator families with their loose members; operator classes, access
 *                         methods, languages, conversions, transforms, text search parsers and
 *                         templates, foreign data wrappers, servers, user mappings and foreign
 *                         tables likewise; subscriptions (database-wide, read only by a superuser)
 *                         (access methods, languages, transforms and the foreign data objects are
 *                         database-wide, read only when every schema is dumped)
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
                      List<Dependency> dependencies, List<OperatorFamily> operatorFamilies,
                      List<OperatorClass> operatorClasses, List<AccessMethod> accessMethods,
                      List<ProceduralLanguage> languages, List<Conversion> conversions, List<Transform> transforms,
                      List<TextSearchParser> textSearchParsers, List<TextSearchTemplate> textSearchTemplates,
                      List<ForeignDataWrapper> foreignDataWrappers, List<ForeignServer> foreignServers,
                      List<UserMapping> userMappings, List<ForeignTable> foreignTables,
                      List<Subscription> subscriptions) {

    /** A catalog without the kinds of object added after the first ones (operator classes and so on). */
    public Catalog(List<Schema> schemas, List<Extension> extensions, List<Collation> collations,
                   List<UserType> types, List<Sequence> sequences, List<Table> tables, List<View> views,
                   List<Index> indexes, List<IndexAttachment> indexAttachments, List<Routine> routines,
                   List<Operator> operators, List<Cast> casts, List<TextSearchDictionary> textSearchDictionaries,
                   List<TextSearchConfiguration> textSearchConfigurations, List<Trigger> triggers,
                   List<Rule> rules, List<StatisticsObject> statistics, List<Policy> policies,
                   List<Publication> publications, List<EventTrigger> eventTriggers, List<LargeObject> largeObjects,
                   List<Comment> comments, List<SecurityLabel> securityLabels, List<Ownership> owners,
                   List<AccessControl> privileges, List<DefaultPrivileges> defaultPrivileges,
                   List<Dependency> dependencies) {
        this(schemas, extensions, collations, types, sequences, tables, views, indexes, indexAttachments, routines,
                operators, casts, textSearchDictionaries, textSearchConfigurations, triggers, rules, statistics, policies,
                publications, eventTriggers, largeObjects, comments, securityLabels, owners, privileges, defaultPrivileges,
                dependencies, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * This catalog as a schema-only script of it leaves a database: every materialized view is
     * created {@code WITH NO DATA} and refreshed by none (its rows are data, as for
     * {@code pg_dump --schema-only}), so none is populated.
     */
    public Catalog withMaterializedViewsUnpopulated() {
        return withViews(views.stream().map(v -> v.materialized() ? v.withPopulated(false) : v).toList());
    }

    /** This catalog with {@code views} in place of its views (for a state that differs only in them). */
    public Catalog withViews(List<View> views) {
        return new Catalog(schemas, extensions, collations, types, sequences, tables, views, indexes, indexAttachments,
                routines, operators, casts, textSearchDictionaries, textSearchConfigurations, triggers, rules, statistics,
                policies, publications, eventTriggers, largeObjects, comments, securityLabels, owners, privileges,
                defaultPrivileges, dependencies, operatorFamilies, operatorClasses, accessMethods, languages, conversions,
                transforms, textSearchParsers, textSearchTemplates, foreignDataWrappers, foreignServers, userMappings,
                foreignTables, subscriptions);
    }

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
        operatorFamilies = List.copyOf(operatorFamilies);
        operatorClasses = List.copyOf(operatorClasses);
        accessMethods = List.copyOf(accessMethods);
        languages = List.copyOf(languages);
        conversions = List.copyOf(conversions);
        transforms = List.copyOf(transforms);
        textSearchParsers = List.copyOf(textSearchParsers);
        textSearchTemplates = List.copyOf(textSearchTemplates);
        foreignDataWrappers = List.copyOf(foreignDataWrappers);
        foreignServers = List.copyOf(foreignServers);
        userMappings = List.copyOf(userMappings);
        foreignTables = List.copyOf(foreignTables);
        subscriptions = List.copyOf(subscriptions);
    }
}
