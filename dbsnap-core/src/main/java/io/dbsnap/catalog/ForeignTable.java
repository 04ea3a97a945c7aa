package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE FOREIGN TABLE}: a table's columns, check constraints and parents, whose rows live
 * on a foreign server (so no data is dumped, as with pg_dump by default).
 *
 * @param options       the table's {@code name 'value'} options, rendered
 * @param columnOptions the columns that have options of their own
 */
public record ForeignTable(Table table, String server, List<String> options, List<ColumnOptions> columnOptions) {

    /** A column's {@code name 'value'} options, rendered. */
    public record ColumnOptions(String column, List<String> options) {

        public ColumnOptions {
            options = List.copyOf(options);
        }
    }

    public ForeignTable {
        options = List.copyOf(options);
        columnOptions = List.copyOf(columnOptions);
    }

    public ObjectId id() {
        return table.id();
    }
}
