package io.dbsnap.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The major version of the {@code pg_dump} the tests run; it refuses servers of a newer major
     * version than its own.
     *
     * @throws IllegalStateException when pg_dump cannot be run or does not print a version, rather
     *                               than a version that would quietly skip the checks needing it
     */
    public static int majorVersion() {
        Path program = ClientPrograms.find("pg_dump");
        try {
            Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " --version did not finish within a minute");
            }
            // "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
            Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(out);
            if (process.exitValue() != 0 || !m.find()) {
                throw new IllegalStateException(program + " --version printed no version (exit " + process.exitValue()
                        + "): " + out.strip());
            }
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + program + " --version: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program + " --version", e);
        }
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
