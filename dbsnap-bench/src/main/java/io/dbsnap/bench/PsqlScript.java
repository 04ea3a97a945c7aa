package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The competitor of the restore benchmark: {@code psql -X -q -v ON_ERROR_STOP=1 -f file}, with or
 * without {@code --single-transaction}, timed from process start to exit and nothing else (the
 * testkit's {@code Psql.runFile} also times creating and reading its capture files).
 */
final class PsqlScript {

    private static final long TIMEOUT_MINUTES = 30;

    private final Path psql;

    private PsqlScript(Path psql) {
        this.psql = psql;
    }

    /**
     * psql from {@code PATH}, else from the newest {@code /usr/lib/postgresql/<major>/bin}, where
     * Debian puts it.
     */
    static PsqlScript find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "psql"));
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(PsqlScript::majorOf).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin/psql")));
            } catch (IOException e) {
                // no Debian layout to search: PATH was the only place
            }
        }
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        return new PsqlScript(found.orElseThrow(() -> new IllegalStateException(
                "psql not found on PATH or in /usr/lib/postgresql/*/bin: install postgresql-client")));
    }

    private static int majorOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code psql --version}, e.g. {@code psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)}. */
    String version() {
        try {
            Process process = new ProcessBuilder(psql.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(1, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /**
     * Runs {@code script} against {@code db}; the password travels in the environment.
     *
     * @param singleTransaction whether to pass {@code --single-transaction} (psql's {@code -1})
     * @return milliseconds from process start to exit
     * @throws IllegalStateException when psql fails, with its error output
     */
    double run(TestDatabase db, Path script, boolean singleTransaction) throws IOException {
        List<String> command = new ArrayList<>(List.of(psql.toString(), "--no-psqlrc", "--quiet",
                "--host", db.server().host(), "--port", String.valueOf(db.server().port()),
                "--username", db.user(), "--dbname", db.name(), "-v", "ON_ERROR_STOP=1"));
        if (singleTransaction) {
            command.add("--single-transaction");
        }
        command.addAll(List.of("--file", script.toString()));
        Path err = Files.createTempFile("dbsnap-bench-psql", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            builder.environment().put("PGPASSWORD", db.password());
            builder.environment().put("PGCONNECT_TIMEOUT", "30");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            long end = System.nanoTime();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("psql failed (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Samples.millis(end - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running psql", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
