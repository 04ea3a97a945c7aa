package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the corpus profile's tests find the shared corpora, and the failures that say what to do. */
class CorpusTest {

    @TempDir
    Path dir;

    private static Corpus with(Map<String, String> properties) {
        return new Corpus(properties::get);
    }

    @Test
    void findsAFileInTheNamedDirectory() throws IOException {
        Path file = Files.createDirectories(dir.resolve("corpus/pagila")).resolve("pagila-schema.sql");
        Files.writeString(file, "CREATE TABLE actor ();");

        Path found = with(Map.of(Corpus.DIRECTORY_PROPERTY, dir.resolve("corpus").toString())).find("pagila/pagila-schema.sql");

        assertThat(found).isEqualTo(file);
    }

    @Test
    void aRelativeDirectoryIsTheRepositorysNeighbour() throws IOException {
        Path repository = Files.createDirectories(dir.resolve("dbsnap"));
        Path file = Files.createDirectories(dir.resolve("shared/corpus/northwind")).resolve("northwind.sql");
        Files.writeString(file, "CREATE TABLE orders ();");
        Map<String, String> properties = new HashMap<>();
        properties.put(Corpus.DIRECTORY_PROPERTY, "../shared/corpus");
        properties.put(Corpus.ROOT_PROPERTY, repository.toString());

        assertThat(with(properties).find("northwind/northwind.sql")).isEqualTo(file);
    }

    @Test
    void outsideTheCorpusProfileATestThatAsksForAFileFails() {
        assertThatThrownBy(() -> with(Map.of()).find("pagila/pagila-schema.sql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pagila/pagila-schema.sql")
                .hasMessageContaining("@Tag(\"corpus\")")
                .hasMessageContaining("./mvnw -B -Pcorpus verify");
    }

    @Test
    void aMissingDirectoryFailsNamingItAndTheProperty() {
        Path missing = dir.resolve("no-such-corpus");

        assertThatThrownBy(() -> with(Map.of(Corpus.DIRECTORY_PROPERTY, missing.toString())).find("pagila/pagila-schema.sql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The corpus directory " + missing + " does not exist")
                .hasMessageContaining("-Ddbsnap.corpus.dir=");
    }

    @Test
    void aMissingFileFailsNamingIt() {
        assertThatThrownBy(() -> with(Map.of(Corpus.DIRECTORY_PROPERTY, dir.toString())).find("chinook/Chinook_PostgreSql.sql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no file chinook/Chinook_PostgreSql.sql");
    }
}
