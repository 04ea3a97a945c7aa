package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A view or materialized view.
 *
 * @param definition  the query as {@code pg_get_viewdef} renders it, without a final semicolon
 * @param options     {@code WITH (...)} options such as {@code security_barrier=true}, in the order set,
 *                    without the check option
 * @param checkOption {@code LOCAL} or {@code CASCADED}
 */
public record View(QualifiedName name, boolean materialized, String definition, List<String> options,
                   Optional<String> checkOption) {

    public View {
        options = List.copyOf(options);
    }

    public ObjectId id() {
        return ObjectId.of(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, name.schema(), name.name());
    }
}
