package io.dbsnap.reset;

import java.util.List;

/**
 * A relation whose contents a reset puts back: a table (ordinary or partitioned), a materialized
 * view or a sequence.
 *
 * @param oid       its {@code pg_class} oid at the time it was read (changes when a full restore recreates it)
 * @param kind      {@code pg_class.relkind}: {@code r}, {@code p}, {@code m} or {@code S}
 * @param name      schema and name, each quoted by the server's {@code quote_ident}
 * @param columns   for an ordinary table, its columns that hold data (generated columns left out,
 *                  as pg_dump does: the server computes them again), quoted
 * @param populated for a materialized view, whether it holds rows
 */
record Relation(long oid, char kind, String name, List<String> columns, boolean populated) {

    Relation {
        columns = List.copyOf(columns);
    }

    boolean isTable() {
        return kind == 'r';
    }

    boolean isPartitioned() {
        return kind == 'p';
    }

    boolean isMaterializedView() {
        return kind == 'm';
    }

    boolean isSequence() {
        return kind == 'S';
    }

    /** {@code name (a, b)}, or just the name for a table without columns ("()" is no valid SQL). */
    String withColumns() {
        return columns.isEmpty() ? name : name + " (" + String.join(", ", columns) + ")";
    }
}
