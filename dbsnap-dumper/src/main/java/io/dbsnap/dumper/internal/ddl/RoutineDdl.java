package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Routine;

/** Writes functions, procedures and aggregates, from the definitions the reader kept. */
public final class RoutineDdl {

    private RoutineDdl() {
    }

    public static ObjectDdl of(Routine r) {
        return new ObjectDdl(r.id(), r.definition() + ";", "DROP " + r.kind() + " IF EXISTS " + r.name().sql() + "("
                + (r.kind() == Routine.Kind.AGGREGATE && r.signature().isEmpty() ? "*" : r.signature()) + ");");
    }
}
