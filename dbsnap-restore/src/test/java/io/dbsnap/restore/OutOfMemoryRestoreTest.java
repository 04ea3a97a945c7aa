package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotContent;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.ChildJvm;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OutOfMemoryError, not an injected one: a JVM with a small heap restores a snapshot that
 * holds one statement larger than the heap. The restore had already dropped the database's
 * objects when the heap ran out; the database must be as it was.
 */
class OutOfMemoryRestoreTest {

    private static final String HEAP = "-Xmx32m";
    /** One statement of 48 MB: its text alone does not fit the child's heap. */
    private static final int STATEMENT_MB = 48;

    @Test
    void aStatementLargerThanTheHeapLeavesTheDatabaseAsItWas(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("oom_restore")) {
            db.execute(SampleSchemas.demo());
            db.execute("CREATE TABLE app.huge (t text)");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = db.connect()) {
                SnapshotContent real = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData())
                        .snapshotContent(c);
                snapshot = store.write("huge_statement", out -> {
                    SnapshotFacts facts = real.writeTo(out);
                    out.write("INSERT INTO app.huge VALUES ('".getBytes(StandardCharsets.US_ASCII));
                    byte[] megabyte = new byte[1 << 20];
                    Arrays.fill(megabyte, (byte) 'x');
                    for (int i = 0; i < STATEMENT_MB; i++) {
                        out.write(megabyte);
                    }
                    out.write("');\n".getBytes(StandardCharsets.US_ASCII));
                    return facts;
                });
            }
            db.execute("CREATE TABLE app.added_later (id int); INSERT INTO app.added_later VALUES (1);");
            String before = PgDump.run(db, "--no-owner");

            ChildJvm.Result child = ChildJvm.run(HEAP, SmallHeapSnapshotRestore.class,
                    Map.of("DBSNAP_TEST_PASSWORD", db.password()), Duration.ofMinutes(5), db.jdbcUrl(), db.user(),
                    dir.toString(), snapshot.name().baseName());

            assertThat(child.exitCode()).as(child.output()).isNotZero();
            assertThat(child.output()).contains("OutOfMemoryError").doesNotContain("restored");
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
            assertThat(Files.readString(dir.resolve(RestoreLog.FILE_NAME))).contains("outcome=failed, nothing changed")
                    .doesNotContain("outcome=restored");
        }
    }
}
