package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.Corpus;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain files that pg_dump wrote, from third-party sample databases (../shared/corpus), restored
 * by the Restorer: the database it loads is the one psql loads from the same files, as pg_dump
 * sees them. Run by the profile corpus.
 */
@Tag(Corpus.TAG)
class CorpusRestoreTest {

    /** Plain pg_dump, owners and grants included, as dbsnap records them by default. */
    private static final String FULL = "--format=plain";

    /** Pagila's files are pg_dump 13 output: SET preamble, a partitioned table, triggers, COPY data. */
    @Test
    void pagilasPgDump13FilesRestoreAsPsqlLoadsThem() throws Exception {
        Path schema = Corpus.file("pagila/pagila-schema.sql");
        Path data = Corpus.file("pagila/pagila-data.sql");
        try (TestDatabase viaPsql = PostgresServer.shared().createDatabase("pagila_psql");
             TestDatabase viaDbsnap = PostgresServer.shared().createDatabase("pagila_dbsnap")) {
            Psql.runFile(viaPsql, schema);
            Psql.runFile(viaPsql, data);

            RestoreResult loaded;
            try (Connection c = viaDbsnap.connect()) {
                new Restorer().restore(c, schema);
                loaded = new Restorer().restore(c, data);
            }

            assertThat(PgDump.run(viaDbsnap, FULL)).isEqualTo(PgDump.run(viaPsql, FULL));
            // the corpus README's count of pagila's rows, an independent figure
            assertThat(loaded.rows()).isEqualTo(49_636);
        }
    }

    /** Corpus databases loaded with psql, dumped by this server's pg_dump (15), restored by dbsnap. */
    @ParameterizedTest
    @ValueSource(strings = {"northwind/northwind.sql", "pagila/pagila-schema.sql pagila/pagila-data.sql"})
    void aPgDumpOfACorpusDatabaseRestoresToTheSameDatabase(String filesInLoadOrder, @TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("corpus_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("corpus_dst")) {
            for (String file : filesInLoadOrder.split(" ")) {
                Psql.runFile(src, Corpus.file(file));
            }
            Path script = dir.resolve("pg_dump.sql");
            PgDump.toFile(src, script);

            try (Connection c = dst.connect()) {
                new Restorer().restore(c, script);
            }

            assertThat(PgDump.run(dst, FULL)).isEqualTo(PgDump.run(src, FULL));
        }
    }
}
