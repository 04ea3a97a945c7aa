package io.dbsnap.catalog;

/** A large object; the schema records that it exists (its contents belong to the data). */
public record LargeObject(long oid) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.LARGE_OBJECT, "", Long.toString(oid));
    }
}
