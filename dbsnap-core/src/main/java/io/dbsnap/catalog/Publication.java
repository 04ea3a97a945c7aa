package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE PUBLICATION}, a database-wide object, with the tables and schemas it publishes.
 *
 * @param publish           the operations published, e.g. {@code insert, update}
 * @param generatedColumns  {@code publish_generated_columns} when not {@code none} (PostgreSQL 18)
 */
public record Publication(String name, boolean allTables, String publish, boolean viaPartitionRoot,
                          Optional<String> generatedColumns, List<Member> tables, List<String> schemas) {

    public Publication {
        tables = List.copyOf(tables);
        schemas = List.copyOf(schemas);
    }

    /**
     * A published table.
     *
     * @param columns the column list, empty for all columns (PostgreSQL 15 and later)
     * @param filter  the row filter of {@code WHERE (...)} (PostgreSQL 15 and later)
     */
    public record Member(QualifiedName table, List<String> columns, Optional<String> filter) {

        public Member {
            columns = List.copyOf(columns);
        }
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.PUBLICATION, "", name);
    }
}
