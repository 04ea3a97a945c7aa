package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.CommitOutcomeUnknownException;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.ErrorInjection;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link java.lang.Error} in the middle of a restore, a migration or a dry run (an
 * OutOfMemoryError thrown in the client while the server is real) leaves the database as it was:
 * pg_dump sees it unchanged. Before, only exceptions rolled back, and switching autocommit back
 * on committed the half that had run.
 */
class ErrorRollbackTest {

    private static final String FULL = "--no-owner";

    @TempDir
    Path dir;

    /** A script stream that hands out small pieces and throws an OutOfMemoryError after {@code limit} bytes. */
    private static InputStream failingAfter(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                check(1);
                int b = super.read();
                read++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check(len);
                int n = super.read(b, off, Math.min(len, 256));
                read += Math.max(n, 0);
                return n;
            }

            private void check(int wanted) {
                if (read >= limit) {
                    throw new OutOfMemoryError("Java heap space (injected by the test)");
                }
            }
        };
    }

    private static StoredSnapshot snapshot(SnapshotStore store, TestDatabase db, String label, DumpOptions options)
            throws Exception {
        try (Connection c = db.connect()) {
            return store.write(label, new DatabaseDumper(CatalogReader.allSchemas(), options).snapshotContent(c));
        }
    }

    @Test
    void anErrorHalfwayThroughAnExactRestoreCommitsNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("error_exact")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "before", DumpOptions.schemaAndData());
            long half = Files.size(snapshot.sqlFile()) / 2;
            db.execute("CREATE TABLE app.added_later (id int); INSERT INTO app.added_later VALUES (1);");
            String before = PgDump.run(db, FULL);

            try (Connection c = db.connect()) {
                SnapshotRestorer restorer = new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot())
                        .watchingScript(in -> failingAfter(in, half));
                assertThatThrownBy(() -> restorer.restore(c, snapshot)).isInstanceOf(OutOfMemoryError.class);
                // the connection goes on being usable, in autocommit, with nothing left open
                assertThat(c.getAutoCommit()).isTrue();
            }

            // the exact restore drops everything first: committed, the database would have lost app.added_later
            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
            String log = Files.readString(dir.resolve(RestoreLog.FILE_NAME));
            assertThat(log).contains("outcome=failed, nothing changed: java.lang.OutOfMemoryError")
                    .doesNotContain("outcome=restored");
        }
    }

    @Test
    void anErrorAfterADataOnlyRestoreLoadedItsRowsCommitsNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("error_data_only")) {
            db.execute(SampleSchemas.demo());
            db.execute("CREATE TABLE app.many (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, t text);"
                    + " INSERT INTO app.many (t) SELECT repeat('x', 50) FROM generate_series(1, 2000) i");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "rows", DumpOptions.dataOnly());
            db.execute("DELETE FROM app.many WHERE id > 1000; UPDATE app.many SET t = 'changed'");
            String before = PgDump.run(db, FULL, "--data-only");

            // the tables are emptied (TRUNCATE) and loaded; the Error comes with the sequences, after the rows
            try (Connection c = ErrorInjection.wrap(db.connect(), "setval",
                    () -> new OutOfMemoryError("Java heap space (injected by the test)"))) {
                SnapshotRestorer restorer = new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot());
                assertThatThrownBy(() -> restorer.restore(c, snapshot)).isInstanceOf(OutOfMemoryError.class);
            }

            assertThat(PgDump.run(db, FULL, "--data-only")).isEqualTo(before);
        }
    }

    private static final String MIGRATION = """
            CREATE TABLE app.first (id int);
            INSERT INTO app.first VALUES (1);
            ALTER TABLE app.accounts ADD COLUMN flag boolean;
            SELECT 'oom here';
            CREATE TABLE app.never (id int);
            """;

    @Test
    void anErrorHalfwayThroughAMigrationCommitsNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("error_migrate")) {
            db.execute(SampleSchemas.demo());
            Path migration = Files.writeString(dir.resolve("V2__add.sql"), MIGRATION);
            String before = PgDump.run(db, FULL);

            try (Connection c = ErrorInjection.wrap(db.connect(), "oom here",
                    () -> new OutOfMemoryError("Java heap space (injected by the test)"))) {
                Migrator migrator = new Migrator(new SnapshotStore(dir), MigrationOptions.defaults());
                assertThatThrownBy(() -> migrator.migrate(c, migration)).isInstanceOf(OutOfMemoryError.class);
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
        }
    }

    @Test
    void anErrorHalfwayThroughADryRunCommitsNothing() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("error_dry_run")) {
            db.execute(SampleSchemas.demo());
            Path migration = Files.writeString(dir.resolve("V2__add.sql"), MIGRATION);
            String before = PgDump.run(db, FULL);

            try (Connection c = ErrorInjection.wrap(db.connect(), "oom here",
                    () -> new OutOfMemoryError("Java heap space (injected by the test)"))) {
                Migrator migrator = new Migrator(new SnapshotStore(dir), MigrationOptions.defaults());
                assertThatThrownBy(() -> migrator.dryRun(c, migration)).isInstanceOf(OutOfMemoryError.class);
            }

            assertThat(PgDump.run(db, FULL)).isEqualTo(before);
        }
    }

    /**
     * The server's session ends just as the COMMIT is sent (the test terminates it from another
     * connection): the client cannot know whether it committed, and must not say it rolled back.
     */
    @Test
    void aConnectionLostDuringTheCommitIsReportedAsAnUnknownOutcome() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("error_commit_lost")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "before", DumpOptions.schemaAndData());

            try (Connection real = db.connect(); Connection other = db.connect()) {
                int pid;
                try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pid = rs.getInt(1);
                }
                Connection losingCommit = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                try (Statement s = other.createStatement()) {
                                    s.execute("SELECT pg_terminate_backend(" + pid + ", 10000)");
                                }
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                SnapshotRestorer restorer = new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot());
                assertThatThrownBy(() -> restorer.restore(losingCommit, snapshot))
                        .isInstanceOf(CommitOutcomeUnknownException.class)
                        .hasMessageContaining("UNKNOWN").hasMessageContaining("dbsnap verify")
                        .hasMessageNotContaining("rolled back");
            }
            String log = Files.readString(dir.resolve(RestoreLog.FILE_NAME));
            assertThat(log).contains("outcome=UNKNOWN, the connection was lost during COMMIT").doesNotContain("nothing changed");
        }
    }
}
