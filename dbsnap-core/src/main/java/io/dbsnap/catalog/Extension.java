package io.dbsnap.catalog;

/** An installed extension; its member objects belong to it and are never dumped one by one. */
public record Extension(String name, String schema, String version) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.EXTENSION, "", name);
    }
}
