package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.restore.ProductionApprovalRequiredException;
import io.dbsnap.restore.ProtectedTargets;
import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RestoreOptions.protecting(...): a restore into a protected database needs approvingProduction(). */
class ProtectedRestoreApiTest {

    @TempDir
    Path dir;

    @Test
    void aRestoreIntoAProtectedDatabaseIsRefusedBeforeAnythingChangesUnlessApproved() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("api_protected")) {
            db.execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
            Snapshot taken = Snapshots.create("before").withData().in(dir).from(db.dataSource());
            db.execute("INSERT INTO t VALUES (2)");
            String changed = PgDump.run(db);
            RestoreOptions guarded = RestoreOptions.defaults()
                    .protecting(ProtectedTargets.of(PostgresServer.shared().host()));

            assertThatThrownBy(() -> taken.restoreTo(db.dataSource(), guarded))
                    .isInstanceOf(ProductionApprovalRequiredException.class)
                    .hasMessageContaining("approvingProduction()");
            assertThatThrownBy(() -> Snapshots.in(dir).rollback(db.dataSource(), guarded))
                    .isInstanceOf(ProductionApprovalRequiredException.class);
            assertThat(PgDump.run(db)).isEqualTo(changed);
            try (Stream<Path> files = Files.list(dir)) {
                // no safety snapshot, no restore.log
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("before_restore")
                        || n.equals("restore.log"));
            }

            // a clone into a new database on a protected server: refused before the database is created
            try (Connection server = db.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(Snapshots.in(dir).store(), guarded)
                        .restoreAsNewDatabase(server, "api_protected_clone", name -> PostgresServer.shared().connect(name),
                                taken.stored()))
                        .isInstanceOf(ProductionApprovalRequiredException.class);
                try (Statement statement = server.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "SELECT count(*) FROM pg_database WHERE datname = 'api_protected_clone'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }

            assertThat(taken.restoreTo(db.dataSource(), guarded.approvingProduction()).verification().verified()).isTrue();
            assertThat(PgDump.dataOnly(db)).doesNotContain("\n2\n");
        }
    }
}
