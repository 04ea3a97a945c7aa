package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive's training catalog (a resource) is the catalog of a database made from
 * the training schema (the resource beside it), as the server shows it today; and the training's
 * exercise runs through on it.
 */
class ClassDataTrainingCatalogTest {

    @Test
    void theTrainingCatalogIsTheCatalogOfTheTrainingSchema() throws Exception {
        String schema;
        Catalog stored;
        try (InputStream sql = ClassDataTraining.class.getResourceAsStream("training-schema.sql");
             InputStream json = ClassDataTraining.class.getResourceAsStream("training-catalog.json")) {
            schema = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
            stored = CatalogJson.read(json);
        }
        try (TestDatabase db = PostgresServer.shared().createDatabase("training_schema")) {
            db.execute(schema);
            Catalog live;
            try (Connection c = db.connect()) {
                live = CatalogReader.allSchemas().read(c);
            }
            DiffReport diff = SchemaDiff.compare(DiffSide.of("training-catalog.json", stored), DiffSide.of("server", live),
                    DiffOptions.defaults().withoutOwners());
            if (!diff.isEmpty()) {
                Path fresh = Path.of("target", "training-catalog.json");
                Files.writeString(fresh, CatalogJson.toJson(live));
                throw new AssertionError("training-catalog.json is not the training schema's catalog: " + diff
                        + "\nWhen training-schema.sql changed on purpose, copy " + fresh.toAbsolutePath()
                        + " to src/main/resources/io/dbsnap/cli/.");
            }
            assertThat(live.tables()).hasSize(2);
        }
    }

    @Test
    void theExerciseRunsThroughTheTrainingCatalog() throws Exception {
        String outcome = ClassDataTraining.exercise();
        Matcher counts = Pattern.compile("exercised on (\\d+) statements, a diff of (\\d+) characters, (\\d+) migration steps")
                .matcher(outcome);
        assertThat(counts.find()).as(outcome).isTrue();
        // training-schema.sql alone has 26 statements; the DDL adds owners and splits constraints out
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThanOrEqualTo(26);
        assertThat(Integer.parseInt(counts.group(2))).isGreaterThan(1000);
        assertThat(Integer.parseInt(counts.group(3))).isGreaterThanOrEqualTo(10);
        assertThat(ClassDataTraining.connectionAttempt()).isEqualTo("the connection attempt was refused, as meant");
    }
}
