package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canonical JSON of catalogs read from a real server: it reads back to an equal catalog, and
 * two reads of an unchanged database have the same schema fingerprint.
 */
class CatalogJsonRoundTripTest {

    @Test
    void theDemoSchema(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("json_demo")) {
            db.execute(SampleSchemas.demo());

            Catalog catalog = assertRoundTrip(db, dir);

            assertThat(catalog.tables()).isNotEmpty();
            assertThat(catalog.routines()).isNotEmpty();
            assertThat(catalog.policies()).isNotEmpty();
        }
    }

    @Test
    void theDataKindsSchema(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("json_data_kinds")) {
            db.execute(SampleSchemas.dataKinds());

            Catalog catalog = assertRoundTrip(db, dir);

            assertThat(catalog.tables()).anySatisfy(table -> assertThat(table.isPartition()).isTrue());
            assertThat(catalog.views()).anySatisfy(view -> assertThat(view.materialized()).isTrue());
        }
    }

    @Test
    void theFixtureOfManyKinds(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("json_many_kinds")) {
            Fixtures.loadManyKinds(db, dir);

            Catalog catalog = assertRoundTrip(db, dir);

            assertThat(catalog.types()).extracting(type -> type.getClass().getSimpleName())
                    .contains("EnumType", "DomainType", "CompositeType", "RangeType", "BaseType");
            assertThat(catalog.publications()).isNotEmpty();
            assertThat(catalog.eventTriggers()).isNotEmpty();
            assertThat(catalog.largeObjects()).isNotEmpty();
        }
    }

    @Test
    void theFixtureOfOwnersAndPrivileges(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("json_privileges")) {
            Fixtures.load(db, dir, "privileges.sql");

            Catalog catalog = assertRoundTrip(db, dir);

            assertThat(catalog.privileges()).isNotEmpty();
            assertThat(catalog.defaultPrivileges()).isNotEmpty();
        }
    }

    @Test
    void theFingerprintFollowsAColumnType() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("json_fingerprint")) {
            db.execute(SampleSchemas.demo());
            String before = CatalogJson.fingerprint(read(db));

            db.execute("ALTER TABLE app.accounts ALTER COLUMN display_name TYPE varchar(100)");

            assertThat(CatalogJson.fingerprint(read(db))).isNotEqualTo(before);
        }
    }

    /**
     * Reads {@code db} twice and asserts that both reads agree in catalog, text and fingerprint,
     * and that the JSON, written to a file, reads back to the same catalog.
     */
    private static Catalog assertRoundTrip(TestDatabase db, Path dir) throws SQLException, IOException {
        Catalog first = read(db);
        Catalog second = read(db);
        assertThat(second).isEqualTo(first);
        assertThat(CatalogJson.fingerprint(second)).isEqualTo(CatalogJson.fingerprint(first));

        String json = CatalogJson.toJson(first);
        assertThat(CatalogJson.fromJson(json)).isEqualTo(first);
        assertThat(CatalogJson.toJson(second)).isEqualTo(json);

        Path file = dir.resolve(db.name() + ".catalog.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            CatalogJson.write(first, out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(CatalogJson.read(in)).isEqualTo(first);
        }
        return first;
    }

    private static Catalog read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c);
        }
    }
}
