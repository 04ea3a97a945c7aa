package io.dbsnap.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's client programs ({@code pg_dump}, {@code psql}) against a test database. They
 * are the independent oracle of fidelity tests; the library itself never calls them.
 */
final class ClientPrograms {

    /** The local server's bin directory, searched once per JVM (the search runs pg_config). */
    private static final Optional<PostgresBinaries> LOCAL = BinaryLocator.standard().find();

    private ClientPrograms() {
    }

    static Path find(String program) {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        LOCAL.ifPresent(b -> candidates.add(b.binDir().resolve(program)));
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, program));
                }
            }
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new PostgresUnavailableException(program
                + " not found: install the postgresql-client package (it is the tests' oracle)"));
    }

    /** Runs {@code program args...} against {@code db}; the password travels in the environment. */
    static String run(TestDatabase db, String program, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(find(program).toString());
        command.addAll(List.of("--host", db.server().host(), "--port", String.valueOf(db.server().port()),
                "--username", db.user(), "--dbname", db.name()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("PGPASSWORD", db.password());
        env.put("PGCONNECT_TIMEOUT", "30");
        try {
            Path out = Files.createTempFile("dbsnap-" + program, ".out");
            Path err = Files.createTempFile("dbsnap-" + program, ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(program + " did not finish within 10 minutes");
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }
}
