package io.dbsnap.catalog;

import java.util.List;

/**
 * An ordinary table.
 *
 * @param columns            in column order
 * @param constraints        sorted by name
 * @param rowSecurity        {@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}
 * @param forceRowSecurity   {@code ALTER TABLE ... FORCE ROW LEVEL SECURITY}
 */
public record Table(String schema, String name, List<Column> columns, List<Constraint> constraints,
                    boolean rowSecurity, boolean forceRowSecurity) {

    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TABLE, schema, name);
    }
}
