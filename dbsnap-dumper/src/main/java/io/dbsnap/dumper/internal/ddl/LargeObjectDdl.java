package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.LargeObject;

/** Creates an empty large object of the same OID; its content comes with the data. */
public final class LargeObjectDdl {

    private LargeObjectDdl() {
    }

    public static ObjectDdl of(LargeObject lo) {
        return new ObjectDdl(lo.id(), "SELECT pg_catalog.lo_create('" + lo.oid() + "');",
                "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '" + lo.oid() + "';");
    }
}
