package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.StatisticsObject;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE STATISTICS} (the server's own text) with its statistics target. */
public final class StatisticsDdl {

    private StatisticsDdl() {
    }

    public static List<String> create(StatisticsObject s) {
        List<String> statements = new ArrayList<>();
        statements.add(s.definition() + ";");
        s.statisticsTarget().ifPresent(n -> statements.add("ALTER STATISTICS " + s.name().sql() + " SET STATISTICS " + n + ";"));
        return statements;
    }

    public static String drop(StatisticsObject s) {
        return "DROP STATISTICS IF EXISTS " + s.name().sql() + ";";
    }
}
