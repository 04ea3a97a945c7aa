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
 * @param key       for an ordinary table, the columns of its primary key in key order, quoted;
 *                  empty for a table without one
 * @param populated for a materialized view, whether it holds rows
 */
record Relation(long oid, char kind, String name, List<String> columns, List<String> key, boolean populated) {

    Relation {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
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

    /**
     * Whether its rows can be told apart by a primary key whose columns are all among
     * {@link #columns} (a stored generated column in a key is not).
     */
    boolean hasKey() {
        return !key.isEmpty() && columns.containsAll(key);
    }

    /** {@code name (a, b)}, or just the name for a table without columns ("()" is no valid SQL). */
    String withColumns() {
        return columns.isEmpty() ? name : name + " (" + String.join(", ", columns) + ")";
    }
}
