package io.dbsnap.faults;

import io.dbsnap.cli.Cli;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The real {@code dbsnap} command run in this JVM: the judge's tool (list, verify, a write), quick to start. */
final class InProcessDbsnap {

    record Run(int exitCode, String out, String err) {

        String all() {
            return out + err;
        }
    }

    private InProcessDbsnap() {
    }

    static Run run(TestDatabase db, Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(DbsnapChild.environment(db, dir), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
