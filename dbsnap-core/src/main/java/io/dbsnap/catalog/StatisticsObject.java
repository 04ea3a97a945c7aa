package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE STATISTICS}.
 *
 * @param definition       the statement without semicolon ({@code pg_get_statisticsobjdef})
 * @param statisticsTarget {@code ALTER STATISTICS ... SET STATISTICS}, when set
 */
public record StatisticsObject(QualifiedName name, String definition, Optional<Integer> statisticsTarget) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.STATISTICS, name.schema(), name.name());
    }
}
