package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows stream from the server to the file: a table several times larger than the heap dumps. */
class LargeTableDumpTest {

    private static final String HEAP = "-Xmx32m";

    @Test
    void aTableLargerThanTheHeapDumpsInASmallHeap(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("large_dump")) {
            // about 100 MB of COPY text: 160,000 rows of 640 characters
            db.execute("CREATE TABLE big (id int PRIMARY KEY, payload text);"
                    + " INSERT INTO big SELECT i, repeat(md5(i::text), 20) FROM generate_series(1, 160000) i");
            Path file = dir.resolve("big.sql");

            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP, "-cp", System.getProperty("java.class.path"), SmallHeapDump.class.getName(),
                    db.jdbcUrl(), db.user(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
            child.environment().put("DBSNAP_TEST_PASSWORD", db.password());
            Process process = child.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(log).isZero();

            assertThat(log.lines().toList()).contains("public.big 160000");
            assertThat(Files.size(file)).isGreaterThan(100_000_000L);
        }
    }
}
