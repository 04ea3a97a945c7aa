package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows stream from the script into COPY: a table several times larger than the heap restores. */
class LargeTableRestoreTest {

    private static final String HEAP = "-Xmx32m";

    @Test
    void aTableLargerThanTheHeapRestoresInASmallHeap(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("large_restore_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("large_restore_dst")) {
            // about 100 MB of COPY text in one table
            src.execute("CREATE TABLE big (id int PRIMARY KEY, payload text);"
                    + " INSERT INTO big SELECT i, repeat(md5(i::text), 20) FROM generate_series(1, 160000) i");
            Path script = dir.resolve("big.sql");
            RestorerTest.dump(src, script, false);
            assertThat(Files.size(script)).isGreaterThan(100_000_000L);

            ChildJvm.Result child = ChildJvm.run(HEAP, SmallHeapRestore.class, Map.of("DBSNAP_TEST_PASSWORD", dst.password()),
                    Duration.ofMinutes(5), dst.jdbcUrl(), dst.user(), script.toString());
            String log = child.output();
            assertThat(child.exitCode()).as(log).isZero();

            assertThat(log).contains("rows 160000");
            try (Connection c = dst.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), sum(length(payload)) FROM big")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(160_000L);
                assertThat(rs.getLong(2)).isEqualTo(160_000L * 640);
            }
        }
    }
}
