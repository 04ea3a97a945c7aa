package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE FOREIGN DATA WRAPPER} of a wrapper not made by an extension; database-wide.
 *
 * @param options {@code name 'value'} pairs, rendered
 */
public record ForeignDataWrapper(String name, Optional<String> handler, Optional<String> validator, List<String> options) {

    public ForeignDataWrapper {
        options = List.copyOf(options);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.FOREIGN_DATA_WRAPPER, "", name);
    }
}
