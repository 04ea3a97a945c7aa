package io.dbsnap.testkit;

import java.nio.file.Path;
import java.util.List;

/** Runs a SQL file with {@code psql}, stopping at the first error, as users of plain dumps do. */
public final class Psql {

    private Psql() {
    }

    /**
     * {@code psql -v ON_ERROR_STOP=1 -f file} against {@code db}.
     *
     * @return psql's standard output
     * @throws IllegalStateException when psql reports an error, with its message
     */
    public static String runFile(TestDatabase db, Path file) {
        return ClientPrograms.run(db, "psql", List.of("--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1",
                "--file", file.toString()));
    }
}
