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
 * @param columns     the output columns, for a placeholder view that stands in for this one while
 *                    what its query needs does not exist yet (as pg_dump's {@code createDummyViewAsClause})
 * @param accessMethod the table access method of a materialized view when it is not {@code heap}
 * @param storedColumns the columns of a materialized view given settings of their own, in column order
 * @param clusterIndex the index of a materialized view {@code CLUSTER} uses by default, when set
 * @param populated   whether a materialized view holds its query's rows ({@code pg_class.relispopulated}):
 *                    one created {@code WITH NO DATA} (or emptied by {@code REFRESH ... WITH NO DATA})
 *                    cannot be read until it is refreshed; always true for a plain view. A catalog
 *                    written before this was recorded reads it as true.
 */
public record View(QualifiedName name, boolean materialized, String definition, List<String> options,
                   Optional<String> checkOption, List<OutputColumn> columns, Optional<String> accessMethod,
                   List<StoredColumn> storedColumns, Optional<String> clusterIndex, boolean populated) {

    /** A populated materialized view, or a view. */
    public View(QualifiedName name, boolean materialized, String definition, List<String> options,
                Optional<String> checkOption, List<OutputColumn> columns, Optional<String> accessMethod,
                List<StoredColumn> storedColumns, Optional<String> clusterIndex) {
        this(name, materialized, definition, options, checkOption, columns, accessMethod, storedColumns, clusterIndex, true);
    }

    /**
     * What {@code ALTER TABLE ... ALTER COLUMN} set on a column of a materialized view, as on a
     * table's {@link Column}: statistics target, storage, compression, attribute options.
     */
    public record StoredColumn(String name, Optional<Integer> statisticsTarget, Optional<String> storage,
                               Optional<String> compression, List<String> options) {

        public StoredColumn {
            options = List.copyOf(options);
        }
    }

    /** A view or a materialized view without column settings or a CLUSTER index. */
    public View(QualifiedName name, boolean materialized, String definition, List<String> options,
                Optional<String> checkOption, List<OutputColumn> columns, Optional<String> accessMethod) {
        this(name, materialized, definition, options, checkOption, columns, accessMethod, List.of(), Optional.empty());
    }

    /**
     * A column of the view's result: its name, type ({@code format_type}), collation where it is not
     * the type's, and the default a view's column may be given for inserts through it.
     */
    public record OutputColumn(String name, String type, Optional<QualifiedName> collation, Optional<String> defaultValue) {

        public OutputColumn(String name, String type, Optional<QualifiedName> collation) {
            this(name, type, collation, Optional.empty());
        }
    }

    public View(QualifiedName name, boolean materialized, String definition, List<String> options,
                Optional<String> checkOption, List<OutputColumn> columns) {
        this(name, materialized, definition, options, checkOption, columns, Optional.empty());
    }

    public View {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        storedColumns = List.copyOf(storedColumns);
    }

    /** A view whose output columns are not known (no placeholder can stand in for it). */
    public View(QualifiedName name, boolean materialized, String definition, List<String> options,
                Optional<String> checkOption) {
        this(name, materialized, definition, options, checkOption, List.of(), Optional.empty());
    }

    /** The same view, its rows held ({@code populated}) or not. */
    public View withPopulated(boolean populated) {
        return new View(name, materialized, definition, options, checkOption, columns, accessMethod, storedColumns,
                clusterIndex, populated);
    }

    public ObjectId id() {
        return ObjectId.of(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, name.schema(), name.name());
    }
}
