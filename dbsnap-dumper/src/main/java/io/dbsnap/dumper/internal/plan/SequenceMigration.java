package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.Sequence;
import io.dbsnap.dumper.internal.sql.Literals;
import io.dbsnap.migration.Hazard;
import io.dbsnap.migration.MigrationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps that change a sequence in place, so that it keeps its position: {@code ALTER SEQUENCE}
 * with every option, and {@code SET LOGGED}/{@code SET UNLOGGED} (PostgreSQL 15 and later).
 */
public final class SequenceMigration {

    private SequenceMigration() {
    }

    public static List<MigrationStep> between(Sequence a, Sequence b) {
        List<MigrationStep> steps = new ArrayList<>();
        String name = b.name().sql();
        if (b.minValue() > a.minValue() || b.maxValue() < a.maxValue()) {
            // ALTER SEQUENCE refuses bounds that leave the current value outside: it is moved to
            // the nearest bound first (not called yet when it moves up to the new minimum)
            String low = Long.toString(b.minValue());
            String high = Long.toString(b.maxValue());
            steps.add(MigrationStep.of("SELECT pg_catalog.setval(" + Literals.string(name) + ", CASE WHEN last_value < "
                    + low + " THEN " + low + " WHEN last_value > " + high + " THEN " + high + " ELSE last_value END, "
                    + "CASE WHEN last_value < " + low + " THEN false ELSE is_called END) FROM " + name + ";",
                    new Hazard(Hazard.Kind.IRREVERSIBLE, "SEQUENCE " + name, "a current value outside "
                            + low + ".." + high + " is moved to the nearest bound")));
        }
        steps.add(MigrationStep.of("ALTER SEQUENCE " + name + " AS " + b.dataType() + " INCREMENT BY " + b.increment()
                + " MINVALUE " + b.minValue() + " MAXVALUE " + b.maxValue() + " START WITH " + b.start()
                + " CACHE " + b.cache() + (b.cycle() ? " CYCLE" : " NO CYCLE") + ";"));
        if (a.unlogged() != b.unlogged()) {
            steps.add(MigrationStep.of("ALTER SEQUENCE " + name + " SET " + (b.unlogged() ? "UNLOGGED" : "LOGGED") + ";"));
        }
        return steps;
    }
}
