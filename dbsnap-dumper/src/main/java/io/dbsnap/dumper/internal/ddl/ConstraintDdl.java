package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.Table;

/** Writes the constraints of tables and domains that are added after their owner is created, and their drops. */
public final class ConstraintDdl {

    private ConstraintDdl() {
    }

    /** A key, exclusion, foreign key or NOT VALID check, added after the data. */
    public static String add(Table table, Constraint c) {
        // A foreign key on a partitioned table must reach its partitions, so no ONLY there.
        String only = c.type() == Constraint.Type.FOREIGN_KEY && table.isPartitioned() ? "" : "ONLY ";
        return "ALTER TABLE " + only + table.name().sql() + "\n    ADD CONSTRAINT " + quote(c.name()) + " "
                + c.definition() + ";";
    }

    /** A foreign key's drop, first in a clean script: it ties tables to each other. */
    public static String dropForeignKey(Table table, Constraint c) {
        return "ALTER TABLE IF EXISTS " + (table.isPartitioned() ? "" : "ONLY ") + table.name().sql()
                + " DROP CONSTRAINT IF EXISTS " + quote(c.name()) + ";";
    }

    /**
     * A valid check separated from its table to break a loop ({@link SeparableParts}): without
     * ONLY, so that inheritance children get it too, as they would have from CREATE TABLE.
     */
    static ObjectDdl separatedCheck(Table table, Constraint c) {
        return new ObjectDdl(c.id(),
                "ALTER TABLE " + table.name().sql() + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition() + ";",
                "ALTER TABLE IF EXISTS " + table.name().sql() + " DROP CONSTRAINT IF EXISTS " + quote(c.name()) + ";");
    }

    /** A domain's check added after the domain: separated to break a loop, or NOT VALID after the data. */
    public static String addToDomain(DomainType domain, DomainType.DomainConstraint c) {
        return "ALTER DOMAIN " + domain.name().sql() + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition() + ";";
    }

    public static String dropFromDomain(DomainType domain, DomainType.DomainConstraint c) {
        return "ALTER DOMAIN " + domain.name().sql() + " DROP CONSTRAINT IF EXISTS " + quote(c.name()) + ";";
    }

    public static String drop(Table table, Constraint c) {
        return "ALTER TABLE " + (table.isPartitioned() ? "" : "ONLY ") + table.name().sql() + " DROP CONSTRAINT IF EXISTS "
                + quote(c.name()) + ";";
    }
}
