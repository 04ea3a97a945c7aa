package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

            ChildJvm.Result child = ChildJvm.run(HEAP, SmallHeapDump.class, Map.of("DBSNAP_TEST_PASSWORD", db.password()),
                    Duration.ofMinutes(5), db.jdbcUrl(), db.user(), file.toString());
            String log = child.output();
            assertThat(child.exitCode()).as(log).isZero();

            assertThat(log.lines().toList()).contains("public.big 160000");
            assertThat(Files.size(file)).isGreaterThan(100_000_000L);
        }
    }

    @Test
    void aParallelDumpOfTablesLargerThanTheHeapDumpsInASmallHeap(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("large_parallel_dump")) {
            // two tables of about 60 MB of COPY text each: while one streams into the file, the other is spooled
            db.execute("CREATE TABLE big1 (id int, payload text); CREATE TABLE big2 (id int, payload text);"
                    + " INSERT INTO big1 SELECT i, repeat(md5(i::text), 20) FROM generate_series(1, 100000) i;"
                    + " INSERT INTO big2 SELECT i, repeat(md5((-i)::text), 20) FROM generate_series(1, 100000) i");
            Path file = dir.resolve("big.sql");

            ChildJvm.Result child = ChildJvm.run(HEAP, SmallHeapDump.class, Map.of("DBSNAP_TEST_PASSWORD", db.password()),
                    Duration.ofMinutes(5), db.jdbcUrl(), db.user(), file.toString(), "2");
            String log = child.output();
            assertThat(child.exitCode()).as(log).isZero();

            assertThat(log.lines().toList()).contains("public.big1 100000", "public.big2 100000");
            assertThat(Files.size(file)).isGreaterThan(128_000_000L);
        }
    }
}
