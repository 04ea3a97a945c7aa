package io.dbsnap.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The table of what a fault class tried: operation × fault × points × outcomes. Printed to the
 * test output and appended to {@code target/fault-summary.md}, where the README's figures come from.
 */
final class FaultSummary {

    /** The first table of a test run starts the file afresh; the others are appended. */
    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    private final String title;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private static final class Row {
        int points;
        final Map<String, Integer> outcomes = new TreeMap<>();
    }

    FaultSummary(String title) {
        this.title = title;
    }

    /** One fault point of {@code operation} under {@code fault} ended with {@code outcome}. */
    synchronized void record(String operation, String fault, String outcome) {
        Row row = rows.computeIfAbsent(operation + " | " + fault, k -> new Row());
        row.points++;
        row.outcomes.merge(outcome, 1, Integer::sum);
    }

    synchronized String table() {
        StringBuilder text = new StringBuilder("\n" + title + " (seed " + FaultSeed.SEED + ")\n\n"
                + "| operation | fault | points | outcome |\n|---|---|---|---|\n");
        rows.forEach((key, row) -> {
            StringBuilder outcomes = new StringBuilder();
            row.outcomes.forEach((outcome, n) -> outcomes.append(outcomes.length() == 0 ? "" : ", ")
                    .append(n).append(' ').append(outcome));
            text.append("| ").append(key).append(" | ").append(row.points).append(" | ").append(outcomes)
                    .append(" |\n");
        });
        return text.toString();
    }

    /** Prints the table and appends it to target/fault-summary.md. */
    synchronized void publish() {
        String table = table();
        System.out.println(table);
        try {
            Path file = Path.of("target", "fault-summary.md");
            Files.createDirectories(file.getParent());
            if (FIRST.getAndSet(false)) {
                Files.writeString(file, "# Fault-injection suite\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
