package io.dbsnap.dumper;

import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SQL fixtures of src/test/resources/fixtures, loaded with psql as a user would. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture of every object kind, with what the server's version adds (13, 14/15, 18). */
    static void loadManyKinds(TestDatabase db, Path dir) throws IOException {
        load(db, dir, "many-kinds.sql");
        int major = db.server().majorVersion();
        if (major >= 13) {
            load(db, dir, "many-kinds-13.sql");
        }
        if (major >= 15) {
            load(db, dir, "many-kinds-15.sql");
        }
        if (major >= 18) {
            load(db, dir, "many-kinds-18.sql");
        }
    }

    static void load(TestDatabase db, Path dir, String fixture) throws IOException {
        Psql.runFile(db, copy(dir, fixture));
    }

    static Path copy(Path dir, String fixture) throws IOException {
        Path file = dir.resolve(fixture);
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
