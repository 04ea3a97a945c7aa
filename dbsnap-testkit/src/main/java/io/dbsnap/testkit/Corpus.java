package io.dbsnap.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared sample databases, which live in shared/corpus beside the repository. */
public final class Corpus {

    private Corpus() {
    }

    public static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus/" + relative + " not found beside the repository or above it");
    }
}
