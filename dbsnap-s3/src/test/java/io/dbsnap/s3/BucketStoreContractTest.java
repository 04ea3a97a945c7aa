package io.dbsnap.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The store contract on a bucket (S3Proxy), and what only a bucket has to prove. */
class BucketStoreContractTest extends StoreContractTest {

    @Override
    Path newStore() {
        return TestBuckets.newLocation("backups/app");
    }

    @Test
    void aChecksumMismatchFoundAtTheEndOfARestoreRollsItBack() throws Exception {
        Path store = newStore();
        try (TestDatabase db = PostgresServer.shared().createDatabase("contract_tampered")) {
            db.execute("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'value ' || g FROM "
                    + "generate_series(1, 1000) g");
            Snapshot taken = Snapshots.create("tampered").withData().in(store).from(db.dataSource());
            db.execute("DELETE FROM t WHERE id > 10; CREATE TABLE added (x int)");
            String schemaBefore = PgDump.schemaOnly(db);
            String dataBefore = PgDump.dataOnly(db);

            // one digit of one row changed: the SQL still runs to its end, only the checksum tells
            String key = "backups/app/" + taken.file().getFileName();
            try (S3Client s3 = TestBuckets.client()) {
                String bucket = TestBuckets.bucketOf(store);
                String sql = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
                String changed = sql.replace("500\tvalue 500", "500\tvalue 600");
                assertThat(changed).isNotEqualTo(sql).hasSameSizeAs(sql);
                s3.putObject(b -> b.bucket(bucket).key(key),
                        RequestBody.fromBytes(changed.getBytes(StandardCharsets.UTF_8)));
            }

            assertThatThrownBy(() -> Snapshots.in(store).get("tampered").restoreTo(db.dataSource()))
                    .isInstanceOf(SnapshotCorruptException.class).hasMessageContaining("rolled back");
            assertThat(PgDump.schemaOnly(db)).isEqualTo(schemaBefore);
            assertThat(PgDump.dataOnly(db)).isEqualTo(dataBefore);
            assertThatThrownBy(() -> Snapshots.in(store).store().verify(taken.stored()))
                    .isInstanceOf(SnapshotCorruptException.class);
        }
    }
}
