package io.dbsnap.catalog;

/** The kinds of database object the Catalog describes, in the order a script creates them. */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    ACCESS_METHOD,
    LANGUAGE,
    COLLATION,
    CONVERSION,
    TYPE,
    FUNCTION,
    PROCEDURE,
    AGGREGATE,
    OPERATOR,
    OPERATOR_FAMILY,
    OPERATOR_CLASS,
    CAST,
    TRANSFORM,
    TEXT_SEARCH_PARSER,
    TEXT_SEARCH_TEMPLATE,
    TEXT_SEARCH_DICTIONARY,
    TEXT_SEARCH_CONFIGURATION,
    FOREIGN_DATA_WRAPPER,
    SERVER,
    USER_MAPPING,
    SEQUENCE,
    TABLE,
    // only in dependencies: a column default, created with its table unless that would close a loop
    COLUMN_DEFAULT,
    VIEW,
    MATERIALIZED_VIEW,
    LARGE_OBJECT,
    CONSTRAINT,
    INDEX,
    STATISTICS,
    RULE,
    TRIGGER,
    POLICY,
    PUBLICATION,
    SUBSCRIPTION,
    // last, as in pg_dump: an event trigger must not fire while the rest of the script runs
    EVENT_TRIGGER
}
