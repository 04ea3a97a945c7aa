package io.dbsnap.dumper;

import io.dbsnap.catalog.StatisticsObject;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE STATISTICS} (the server's own text) with its statistics target. */
final class StatisticsDdl {

    private StatisticsDdl() {
    }

    static List<String> create(StatisticsObject s) {
        List<String> statements = new ArrayList<>();
        statements.add(s.definition() + ";");
        s.statisticsTarget().ifPresent(n -> statements.add("ALTER STATISTICS " + s.name().sql() + " SET STATISTICS " + n + ";"));
        return statements;
    }

    static String drop(StatisticsObject s) {
        return "DROP STATISTICS IF EXISTS " + s.name().sql() + ";";
    }
}
