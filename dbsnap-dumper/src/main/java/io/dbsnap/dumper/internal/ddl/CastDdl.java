package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Cast;

/** Writes {@code CREATE CAST}. */
public final class CastDdl {

    private CastDdl() {
    }

    static String create(Cast c) {
        String how = switch (c.method()) {
            case FUNCTION -> "WITH FUNCTION " + c.function().orElseThrow();
            case INOUT -> "WITH INOUT";
            case BINARY -> "WITHOUT FUNCTION";
        };
        String context = switch (c.context()) {
            case EXPLICIT -> "";
            case ASSIGNMENT -> " AS ASSIGNMENT";
            case IMPLICIT -> " AS IMPLICIT";
        };
        return "CREATE CAST (" + c.source() + " AS " + c.target() + ") " + how + context + ";";
    }

    public static ObjectDdl of(Cast c) {
        return new ObjectDdl(c.id(), create(c), "DROP CAST IF EXISTS (" + c.source() + " AS " + c.target() + ");");
    }
}
