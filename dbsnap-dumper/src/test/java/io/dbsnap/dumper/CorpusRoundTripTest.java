package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.Corpus;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oracle round trip on third-party sample databases (../shared/corpus): load with psql, dump
 * the schema with dbsnap, load that into empty databases through JDBC and psql, and
 * pg_dump --schema-only of all three must be identical, owners and grants included (dbsnap writes
 * them by default, as pg_dump does). Run by the profile corpus.
 */
@Tag(Corpus.TAG)
class CorpusRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pagila/pagila-schema.sql", "northwind/northwind.sql", "chinook/Chinook_PostgreSql.sql"})
    void schemaSurvivesTheRoundTrip(String file) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("corpus_src")) {
            Psql.runFile(src, loadable(Corpus.file(file)));

            String expected = RoundTrip.assertSurvives(src, PgDump::schemaOnly, dir, Path.of(file).getParent().toString());

            assertThat(expected).contains("CREATE TABLE");
        }
    }

    /** Chinook starts by dropping, creating and connecting to a database of its own: skip that. */
    private Path loadable(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int connect = lines.indexOf("\\c chinook;");
        if (connect < 0) {
            return file;
        }
        Path copy = dir.resolve(file.getFileName());
        Files.write(copy, lines.subList(connect + 1, lines.size()), StandardCharsets.UTF_8);
        return copy;
    }
}
