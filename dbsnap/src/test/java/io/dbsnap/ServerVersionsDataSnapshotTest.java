package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.DataOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data snapshot and both kinds of restore on the oldest and newest supported servers and 13,
 * through the fluent API as a user calls it, on the testkit's own schema of data kinds (so that
 * every build runs it; {@link ServerVersionsSnapshotTest} does the same with pagila in the corpus
 * profile). pg_dump 15, the machine's, refuses newer servers, so the judges are the testkit's
 * catalog and data oracles: the server's own definitions and the text of every row and sequence.
 */
class ServerVersionsDataSnapshotTest {

    /**
     * The rows of the tables of {@link SampleSchemas#dataKinds()}, counted by hand from its script:
     * customer 3, order 500 less the 71 ids divisible by 7, measurement 400, animal 1, dog 1,
     * cache 1, nothing 2, secret 2, audit 50.
     */
    private static final long DATA_KINDS_ROWS = 3 + 429 + 400 + 1 + 1 + 1 + 2 + 2 + 50;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "13", "17", "18"})
    void dataKindsWithTheirRowsSurviveASnapshotARestoreIntoAnEmptyDatabaseAndAnExactRestore(String version,
                                                                                          @TempDir Path dir)
            throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestDatabase src = server.createDatabase("versions_kinds");
             TestDatabase copy = server.createDatabase("versions_kinds_copy")) {
            src.execute(SampleSchemas.dataKinds());
            String catalog = CatalogOracle.describe(src);
            List<String> rows = DataOracle.describe(src);

            Snapshot snapshot = Snapshots.create("kinds").withData().gzip().in(dir).from(src.dataSource());
            RestoreReport intoEmpty = snapshot.restoreTo(copy.dataSource(), RestoreOptions.defaults().withoutSafetySnapshot());

            assertThat(intoEmpty.verification().verified()).isTrue();
            assertThat(intoEmpty.result().rows()).isEqualTo(DATA_KINDS_ROWS);
            assertThat(CatalogOracle.describe(copy)).isEqualTo(catalog);
            assertThat(DataOracle.describe(copy)).isEqualTo(rows);

            src.execute("ALTER TABLE \"Data Kinds\".customer ADD COLUMN nickname text;"
                    + " DROP MATERIALIZED VIEW \"Data Kinds\".top_customer;"
                    + " UPDATE \"Data Kinds\".audit SET what = upper(what) WHERE id < 10;"
                    + " DELETE FROM \"Data Kinds\".\"order\" WHERE amount > 600;"
                    + " CREATE TABLE \"Data Kinds\".scratch (id int); SELECT nextval('\"Data Kinds\".ticket_seq')");
            assertThat(DataOracle.describe(src)).isNotEqualTo(rows);

            RestoreReport exact = snapshot.restoreTo(src.dataSource());

            assertThat(exact.verification().verified()).isTrue();
            assertThat(exact.safetySnapshot()).isPresent();
            assertThat(CatalogOracle.describe(src)).isEqualTo(catalog);
            assertThat(DataOracle.describe(src)).isEqualTo(rows);
        }
    }
}
