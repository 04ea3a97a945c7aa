package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Passwords of every shape, in every form a message might quote them: none may survive. */
class RedactionTest {

    @Test
    void passwordsWithSpacesQuotesAndEscapesAreHiddenInEveryForm() {
        List<String> texts = List.of(
                "could not use postgresql://app:Zq ss\"w'o@Jx@db:5432/shop here",
                "could not use postgres://app:Zq%20ss%22w%27o%40Jx@db/shop",
                "jdbc:postgresql://db/shop?user=app&password=Zq%20ss%22w%27o%40Jx&sslmode=require",
                "conninfo host=db user=app password='Zq ss\\'w\"o@Jx' dbname=shop",
                "conninfo host=db password=\"Zq ss\\\"w'o@Jx\" dbname=shop",
                "env PGPASSWORD=Zq%20ss%22w%27o%40Jx",
                "{\"password\": \"Zq ss\\\"w'o@Jx\"}");
        for (String text : texts) {
            String redacted = Redaction.redact(text);
            assertThat(redacted).as(text).doesNotContain("Zq").doesNotContain("Jx").contains("***");
        }
        assertThat(Redaction.redact("conninfo host=db user=app password='pa ss' dbname=shop"))
                .isEqualTo("conninfo host=db user=app password=*** dbname=shop");
        assertThat(Redaction.redact("password authentication failed for user \"app\""))
                .isEqualTo("password authentication failed for user \"app\"");
    }
}
