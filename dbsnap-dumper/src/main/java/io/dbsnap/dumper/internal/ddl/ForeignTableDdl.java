package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.ForeignTable;
import io.dbsnap.catalog.ObjectId;
import java.util.function.Predicate;

/** Writes {@code CREATE FOREIGN TABLE}, then the options of its columns, as pg_dump does. */
public final class ForeignTableDdl {

    private ForeignTableDdl() {
    }

    /** @param separated the defaults and checks that are created apart from the table */
    static String create(ForeignTable f, Predicate<ObjectId> separated) {
        StringBuilder sql = new StringBuilder(TableDdl.createTable(f.table(), separated, "FOREIGN TABLE ",
                "\nSERVER " + quote(f.server()) + ForeignDataDdl.options(f.options()).replace(" OPTIONS (", "\nOPTIONS (")));
        for (ForeignTable.ColumnOptions c : f.columnOptions()) {
            sql.append("\nALTER FOREIGN TABLE ").append(f.table().name().sql()).append(" ALTER COLUMN ").append(quote(c.column()))
                    .append(ForeignDataDdl.options(c.options())).append(';');
        }
        return sql.toString();
    }

    /** @param separated the defaults and checks that are created apart from the table */
    public static ObjectDdl of(ForeignTable f, Predicate<ObjectId> separated) {
        return new ObjectDdl(f.id(), create(f, separated), "DROP FOREIGN TABLE IF EXISTS " + f.table().name().sql() + ";");
    }
}
