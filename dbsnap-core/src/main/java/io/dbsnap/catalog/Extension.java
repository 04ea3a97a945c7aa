package io.dbsnap.catalog;

import java.util.List;

/**
 * An installed extension; its member objects belong to it and are never dumped one by one.
 *
 * @param dependents the objects marked as depending on it ({@code ALTER ... DEPENDS ON EXTENSION},
 *                   pg_depend's deptype {@code x}), each as {@code ALTER} names it: {@code FUNCTION s.f(integer)},
 *                   {@code TRIGGER t ON s.tab}, {@code INDEX s.i}, {@code MATERIALIZED VIEW s.mv}; sorted
 */
public record Extension(String name, String schema, String version, List<String> dependents) {

    /** An extension no object was marked as depending on. */
    public Extension(String name, String schema, String version) {
        this(name, schema, version, List.of());
    }

    public Extension {
        dependents = List.copyOf(dependents);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.EXTENSION, "", name);
    }
}
