package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE TEXT SEARCH DICTIONARY}.
 *
 * @param template the template, rendered by the server
 * @param options  the template's options as stored ({@code stopwords = 'english', ...})
 */
public record TextSearchDictionary(QualifiedName name, String template, Optional<String> options) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_DICTIONARY, name.schema(), name.name());
    }
}
