package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE STATISTICS}.
 *
 * @param table            the table the statistics are about
 * @param definition       the statement without semicolon ({@code pg_get_statisticsobjdef})
 * @param statisticsTarget {@code ALTER STATISTICS ... SET STATISTICS}, when set
 */
public record StatisticsObject(QualifiedName name, QualifiedName table, String definition, Optional<Integer> statisticsTarget) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.STATISTICS, name.schema(), name.name());
    }
}
