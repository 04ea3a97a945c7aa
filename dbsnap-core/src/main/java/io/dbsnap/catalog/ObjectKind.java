package io.dbsnap.catalog;

/** The kinds of database object the Catalog describes, in the order a script creates them. */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    TYPE,
    FUNCTION,
    PROCEDURE,
    AGGREGATE,
    SEQUENCE,
    TABLE,
    VIEW,
    MATERIALIZED_VIEW,
    CONSTRAINT,
    INDEX,
    TRIGGER,
    POLICY
}
