package io.dbsnap;

import io.dbsnap.errors.LockNotAvailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fluent API offers tools that change a database as a restore does (the fast test
 * reset): dbsnap's operation lock, and an exact restore over the session that holds it.
 */
class ExclusiveOperationTest {

    @Test
    void whileOneSessionHoldsTheLockNoRestoreRunsElsewhereButItsOwnDoes(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("api_exclusive")) {
            db.execute("CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'one')");
            String before = PgDump.run(db, "--no-owner");
            Snapshot snapshot = Snapshots.create("before").withData().in(dir).from(db.dataSource());
            db.execute("UPDATE items SET name = 'changed'; CREATE TABLE extra (id int)");

            try (Connection holder = db.connect(); ExclusiveOperation operation = ExclusiveOperation.begin(holder)) {
                assertThatThrownBy(() -> {
                    try (Connection other = db.connect()) {
                        ExclusiveOperation.begin(other).close();
                    }
                }).isInstanceOf(LockNotAvailableException.class).hasMessageContaining("Another dbsnap operation");
                assertThatThrownBy(() -> snapshot.restoreTo(db.dataSource()))
                        .isInstanceOf(LockNotAvailableException.class);
                assertThat(PgDump.run(db, "--no-owner")).isNotEqualTo(before);

                snapshot.replaceContents(holder);
                assertThat(PgDump.run(db, "--no-owner")).isEqualTo(before);
            }
            try (Connection other = db.connect()) {
                ExclusiveOperation.begin(other).close();
            }
        }
    }
}
