package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.store.TableFacts;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data snapshot through the store: written compressed with its row counts and checksums in
 * the metadata, checked before it is read, restored to a database pg_dump cannot tell apart.
 */
class SnapshotRoundTripTest {

    @Test
    void aCompressedDataSnapshotRecordsItsRowsAndRestoresIdentically(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("snap_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("snap_dst")) {
            src.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = src.connect()) {
                snapshot = store.write("before_cleanup", Compression.GZIP,
                        new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).snapshotContent(c));
            }

            SnapshotMetadata metadata = store.metadata(snapshot);
            assertThat(snapshot.sqlFile().getFileName().toString()).endsWith("_before_cleanup.sql.gz");
            assertThat(metadata.type()).isEqualTo("schema+data");
            assertThat(metadata.tables()).isNotEmpty();
            for (TableFacts table : metadata.tables()) {
                assertThat(table.rows()).as(table.table()).isEqualTo(count(src, table.table()));
            }
            try (Connection c = dst.connect(); InputStream in = store.openVerified(snapshot)) {
                new Restorer().restore(c, in);
            }
            assertThat(PgDump.run(dst)).isEqualTo(PgDump.run(src));
        }
    }

    @Test
    void aDamagedSnapshotIsRefusedBeforeTheDatabaseIsTouched(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("snap_damaged_src")) {
            src.execute(SampleSchemas.dataKinds());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot;
            try (Connection c = src.connect()) {
                snapshot = store.write("nightly", Compression.NONE,
                        new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).snapshotContent(c));
            }
            try (RandomAccessFile file = new RandomAccessFile(snapshot.sqlFile().toFile(), "rw")) {
                file.seek(file.length() / 2);
                int b = file.read();
                file.seek(file.length() / 2);
                file.write(b ^ 1);
            }

            assertThatThrownBy(() -> store.openVerified(snapshot))
                    .isInstanceOf(SnapshotCorruptException.class)
                    .hasMessageContaining(snapshot.sqlFile().getFileName().toString());
        }
    }

    private static long count(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
