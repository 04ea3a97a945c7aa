package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE TEXT SEARCH CONFIGURATION} with its token mappings.
 *
 * @param parser   the parser, rendered by the server
 * @param mappings in token-type order
 */
public record TextSearchConfiguration(QualifiedName name, String parser, List<Mapping> mappings) {

    public TextSearchConfiguration {
        mappings = List.copyOf(mappings);
    }

    /** {@code ADD MAPPING FOR token WITH dictionaries}, dictionaries in the order they are consulted. */
    public record Mapping(String token, List<String> dictionaries) {

        public Mapping {
            dictionaries = List.copyOf(dictionaries);
        }
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TEXT_SEARCH_CONFIGURATION, name.schema(), name.name());
    }
}
