package io.dbsnap.catalog;

/** The kinds of database object the Catalog describes. */
public enum ObjectKind {
    SCHEMA,
    TABLE,
    CONSTRAINT,
    INDEX,
    FUNCTION,
    PROCEDURE,
    TRIGGER,
    POLICY
}
