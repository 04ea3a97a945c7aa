package io.dbsnap.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** A directory that holds {@code initdb}, {@code pg_ctl} and {@code postgres} of one version. */
record PostgresBinaries(Path binDir) {

    static boolean isComplete(Path dir) {
        return Files.isExecutable(dir.resolve("initdb"))
                && Files.isExecutable(dir.resolve("pg_ctl"))
                && Files.isExecutable(dir.resolve("postgres"));
    }

    Path initdb() {
        return binDir.resolve("initdb");
    }

    Path pgCtl() {
        return binDir.resolve("pg_ctl");
    }

    Path postgres() {
        return binDir.resolve("postgres");
    }
}
