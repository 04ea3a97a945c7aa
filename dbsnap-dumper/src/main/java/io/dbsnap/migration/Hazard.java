package io.dbsnap.migration;

/**
 * What one step of a {@link MigrationPlan} may cost beyond the change itself, in words and as a
 * kind a program can act on.
 *
 * @param kind    what sort of cost
 * @param subject the object it falls on, as SQL names it, e.g. {@code TABLE app.orders}
 * @param detail  the cost in words, e.g. {@code column note is dropped with its values}
 */
public record Hazard(Kind kind, String subject, String detail) {

    public enum Kind {
        /** rows or values that exist now are gone after the step (a dropped table or column) */
        DATA_LOSS,
        /** the server rewrites the whole table (a column type change, a volatile default) */
        TABLE_REWRITE,
        /** the step holds ACCESS EXCLUSIVE on a table for as long as it runs */
        LONG_LOCK,
        /** a new constraint or NOT NULL scans the whole table to check it */
        VALIDATION_SCAN,
        /** existing values may not convert, and the step then fails (the plan rolls back) */
        TYPE_CHANGE_MAY_FAIL,
        /** the step cannot be undone by another plan without losing something */
        IRREVERSIBLE,
        /**
         * no statement that keeps the rows makes the object exactly as in the target: what stays
         * different is said in the detail (a column a table inherits stays defined by the table too)
         */
        NOT_AS_TARGET
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }
}
