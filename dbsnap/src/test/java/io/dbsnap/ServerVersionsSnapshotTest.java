package io.dbsnap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.restore.RestoreOptions;
import io.dbsnap.restore.RestoreReport;
import io.dbsnap.testkit.CatalogOracle;
import io.dbsnap.testkit.Corpus;
import io.dbsnap.testkit.DataOracle;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data snapshot and both kinds of restore on the oldest and newest supported servers (and 13,
 * the oldest the corpus's pg_dump files come from), through the fluent API as a user calls it.
 * pg_dump 15, the machine's, refuses newer servers, so the judges are the testkit's catalog and
 * data oracles: the server's own definitions and the text of every row and sequence. Run by the
 * profile corpus; {@link ServerVersionsDataSnapshotTest} does the same with our own fixture in
 * every build.
 */
@Tag(Corpus.TAG)
class ServerVersionsSnapshotTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"12", "13", "17", "18"})
    void pagilaWithItsRowsSurvivesASnapshotARestoreIntoAnEmptyDatabaseAndAnExactRestore(String version,
                                                                                       @TempDir Path dir)
            throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        try (TestDatabase src = server.createDatabase("versions_pagila");
             TestDatabase copy = server.createDatabase("versions_pagila_copy")) {
            Psql.runFile(src, Corpus.file("pagila/pagila-schema.sql"));
            Psql.runFile(src, Corpus.file("pagila/pagila-data.sql"));
            String catalog = CatalogOracle.describe(src);
            List<String> rows = DataOracle.describe(src);

            Snapshot snapshot = Snapshots.create("pagila").withData().gzip().in(dir).from(src.dataSource());
            RestoreReport intoEmpty = snapshot.restoreTo(copy.dataSource(), RestoreOptions.defaults().withoutSafetySnapshot());

            assertThat(intoEmpty.verification().verified()).isTrue();
            // the corpus README's count of pagila's rows, an independent figure
            assertThat(intoEmpty.result().rows()).isEqualTo(49_636);
            assertThat(CatalogOracle.describe(copy)).isEqualTo(catalog);
            assertThat(DataOracle.describe(copy)).isEqualTo(rows);

            src.execute("ALTER TABLE actor ADD COLUMN nickname text; DROP VIEW actor_info;"
                    + " UPDATE film SET title = lower(title) WHERE film_id < 100; DELETE FROM payment WHERE amount > 9;"
                    + " CREATE TABLE scratch (id int); SELECT nextval('customer_customer_id_seq')");
            assertThat(DataOracle.describe(src)).isNotEqualTo(rows);

            RestoreReport exact = snapshot.restoreTo(src.dataSource());

            assertThat(exact.verification().verified()).isTrue();
            assertThat(exact.safetySnapshot()).isPresent();
            assertThat(CatalogOracle.describe(src)).isEqualTo(catalog);
            assertThat(DataOracle.describe(src)).isEqualTo(rows);
        }
    }
}
