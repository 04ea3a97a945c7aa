package io.dbsnap.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fidelity oracle: {@code pg_dump} output of a test database, with the lines removed that
 * differ between two dumps of equal databases (the version header, and the restrict and
 * unrestrict meta-commands with a random key that pg_dump 15.14+ writes).
 */
public final class PgDump {

    private PgDump() {
    }

    /** {@code pg_dump --schema-only} of {@code db}, normalized. */
    public static String schemaOnly(TestDatabase db) {
        return normalized(ClientPrograms.run(db, "pg_dump", List.of("--schema-only")));
    }

    /** {@code pg_dump --data-only} of {@code db}, normalized. */
    public static String dataOnly(TestDatabase db) {
        return normalized(ClientPrograms.run(db, "pg_dump", List.of("--data-only")));
    }

    /** {@code pg_dump} with any other arguments, normalized. */
    public static String run(TestDatabase db, String... args) {
        return normalized(ClientPrograms.run(db, "pg_dump", new ArrayList<>(List.of(args))));
    }

    /**
     * {@code pg_dump args... --file file} of {@code db}: the dump as pg_dump writes it, not
     * normalized, for benchmarks that time pg_dump from process start to exit.
     *
     * @throws IllegalStateException when pg_dump fails, with its message
     */
    public static void toFile(TestDatabase db, Path file, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--file", file.toString()));
        // With --file, pg_dump prints nothing to stdout; the empty capture is dropped.
        ClientPrograms.run(db, "pg_dump", arguments);
    }

    static String normalized(String dump) {
        return dump.lines()
                .filter(line -> !line.startsWith("-- Dumped from database version")
                        && !line.startsWith("-- Dumped by pg_dump version")
                        && !line.startsWith("\\restrict ")
                        && !line.startsWith("\\unrestrict "))
                .collect(Collectors.joining("\n"));
    }
}
