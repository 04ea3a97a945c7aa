package io.dbsnap.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Finds local PostgreSQL server binaries: {@code $DBSNAP_PG_BINDIR}, then the directories of
 * {@code PATH} that hold {@code postgres}, then {@code pg_config --bindir}, then
 * {@code /usr/lib/postgresql/<version>/bin} (newest version first) and
 * {@code /usr/local/pgsql/bin}.
 */
final class BinaryLocator {

    private final Supplier<List<Path>> candidates;

    private BinaryLocator(Supplier<List<Path>> candidates) {
        this.candidates = candidates;
    }

    static BinaryLocator standard() {
        return new BinaryLocator(BinaryLocator::standardCandidates);
    }

    /** A locator that looks only in the given directories (tests use it to simulate a bare machine). */
    static BinaryLocator searching(List<Path> directories) {
        List<Path> copy = List.copyOf(directories);
        return new BinaryLocator(() -> copy);
    }

    Optional<PostgresBinaries> find() {
        return searchedDirectories().stream()
                .filter(PostgresBinaries::isComplete)
                .findFirst()
                .map(PostgresBinaries::new);
    }

    List<Path> searchedDirectories() {
        return candidates.get();
    }

    private static List<Path> standardCandidates() {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        String explicit = System.getenv("DBSNAP_PG_BINDIR");
        if (explicit != null && !explicit.isBlank()) {
            dirs.add(Path.of(explicit));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path postgres = Path.of(entry, "postgres");
                if (Files.isExecutable(postgres)) {
                    // Debian links /usr/local/bin/postgres to the versioned directory that also
                    // holds initdb and pg_ctl; follow the link to find them.
                    dirs.add(realParent(postgres));
                }
            }
        }
        pgConfigBindir().ifPresent(dirs::add);
        dirs.addAll(versionedDirectories(Path.of("/usr/lib/postgresql")));
        dirs.add(Path.of("/usr/local/pgsql/bin"));
        return new ArrayList<>(dirs);
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static Optional<Path> pgConfigBindir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return Optional.of(Path.of(out));
            }
        } catch (IOException e) {
            // no pg_config on PATH: nothing to learn from it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** {@code root/<version>/bin}, highest version first. */
    private static List<Path> versionedDirectories(Path root) {
        List<Path> versions = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return versions;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            stream.forEach(versions::add);
        } catch (IOException e) {
            return versions;
        }
        versions.sort(Comparator.comparingDouble(BinaryLocator::versionNumber).reversed());
        return versions.stream().map(v -> v.resolve("bin")).toList();
    }

    private static double versionNumber(Path dir) {
        try {
            return Double.parseDouble(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
