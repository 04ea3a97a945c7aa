package io.dbsnap.catalog;

import java.util.List;

/** {@code CREATE TYPE name AS ENUM (...)}; labels in their sort order. */
public record EnumType(QualifiedName name, List<String> labels) implements UserType {

    public EnumType {
        labels = List.copyOf(labels);
    }
}
