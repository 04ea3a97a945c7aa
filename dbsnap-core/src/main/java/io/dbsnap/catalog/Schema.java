package io.dbsnap.catalog;

/** A schema (namespace). */
public record Schema(String name) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.SCHEMA, "", name);
    }
}
