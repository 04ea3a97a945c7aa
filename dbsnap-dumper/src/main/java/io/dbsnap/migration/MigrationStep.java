package io.dbsnap.migration;

import java.util.List;

/** One statement of a {@link MigrationPlan} and what it may cost. */
public record MigrationStep(String sql, List<Hazard> hazards) {

    public MigrationStep {
        hazards = List.copyOf(hazards);
    }

    public static MigrationStep of(String sql, Hazard... hazards) {
        return new MigrationStep(sql, List.of(hazards));
    }
}
