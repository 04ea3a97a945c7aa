package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE SERVER}; database-wide.
 *
 * @param options {@code name 'value'} pairs, rendered
 */
public record ForeignServer(String name, String wrapper, Optional<String> type, Optional<String> version,
                            List<String> options) {

    public ForeignServer {
        options = List.copyOf(options);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.SERVER, "", name);
    }
}
