package io.dbsnap.catalog;

/** A schema-qualified name of a relation, type or function. */
public record QualifiedName(String schema, String name) {

    /** The name as SQL: each part quoted as needed. */
    public String sql() {
        return Identifiers.qualified(schema, name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
