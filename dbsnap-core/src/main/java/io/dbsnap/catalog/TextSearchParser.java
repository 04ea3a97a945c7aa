package io.dbsnap.catalog;

import java.util.Optional;

/** {@code CREATE TEXT SEARCH PARSER}; the functions are {@code regproc}s. */
public record TextSearchParser(QualifiedName name, String start, String getToken, String end,
                               Optional<String> headline, String lexTypes) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_PARSER, name.schema(), name.name());
    }
}
