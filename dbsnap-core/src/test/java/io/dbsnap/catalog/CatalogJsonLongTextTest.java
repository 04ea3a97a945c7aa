package io.dbsnap.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text longer than Jackson's default limit of 20 MB (a huge comment or function body, which
 * PostgreSQL allows up to 1 GB) is read back: dbsnap must not write a catalog it then calls damaged.
 */
class CatalogJsonLongTextTest {

    @Test
    void aCommentOfTwentyFiveMegabytesSurvivesTheRoundTrip() throws IOException {
        String longText = "x".repeat(25 * 1024 * 1024);
        Catalog catalog = new Catalog(List.of(new Schema("app")), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Comment("SCHEMA app", longText)), List.of(), List.of(), List.of(), List.of(), List.of());

        byte[] json = CatalogJson.toJson(catalog).getBytes(StandardCharsets.UTF_8);

        assertThat(CatalogJson.read(new ByteArrayInputStream(json))).isEqualTo(catalog);
        assertThat(CatalogJson.fromJson(new String(json, StandardCharsets.UTF_8))).isEqualTo(catalog);
    }
}
