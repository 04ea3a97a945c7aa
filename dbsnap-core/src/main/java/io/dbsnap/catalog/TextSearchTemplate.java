package io.dbsnap.catalog;

import java.util.Optional;

/** {@code CREATE TEXT SEARCH TEMPLATE}; the functions are {@code regproc}s. */
public record TextSearchTemplate(QualifiedName name, Optional<String> init, String lexize) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_TEMPLATE, name.schema(), name.name());
    }
}
