package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.QualifiedName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetNameTest {

    @Test
    void findsTheSchemaOfEveryKindOfTarget() {
        assertThat(TargetName.schemaOf("SCHEMA \"Mixed Case\"")).isEqualTo("Mixed Case");
        assertThat(TargetName.schemaOf("TABLE app.users")).isEqualTo("app");
        assertThat(TargetName.schemaOf("MATERIALIZED VIEW \"select\".order_totals")).isEqualTo("select");
        assertThat(TargetName.schemaOf("COLUMN \"Mixed Case\".\"User\".\"e-mail\"")).isEqualTo("Mixed Case");
        assertThat(TargetName.schemaOf("FUNCTION app.f(integer, text)")).isEqualTo("app");
        assertThat(TargetName.schemaOf("CONSTRAINT balance_limit ON \"Mixed Case\".\"User\"")).isEqualTo("Mixed Case");
        assertThat(TargetName.schemaOf("CONSTRAINT positive_check ON DOMAIN dom.positive")).isEqualTo("dom");
        assertThat(TargetName.schemaOf("POLICY \"a ON b\" ON app.t")).isEqualTo("app");
        assertThat(TargetName.schemaOf("TEXT SEARCH CONFIGURATION \"select\".docs")).isEqualTo("select");
        assertThat(TargetName.schemaOf("OPERATOR \"select\".=== (integer, integer)")).isEqualTo("select");
        assertThat(TargetName.schemaOf("EXTENSION citext")).isEmpty();
        assertThat(TargetName.schemaOf("CAST (\"select\".money2 AS numeric)")).isEmpty();
        assertThat(TargetName.schemaOf("LARGE OBJECT 424242")).isEmpty();
    }

    @Test
    void findsTheTableOfWhatLivesOnATable() {
        assertThat(TargetName.tableOf("COLUMN \"Mixed Case\".\"User\".\"e-mail\""))
                .contains(new QualifiedName("Mixed Case", "User"));
        assertThat(TargetName.tableOf("TRIGGER audit_off ON \"Mixed Case\".\"User\""))
                .contains(new QualifiedName("Mixed Case", "User"));
        assertThat(TargetName.tableOf("CONSTRAINT c ON DOMAIN app.d")).isEmpty();
        assertThat(TargetName.tableOf("TABLE app.users")).isEqualTo(Optional.empty());
    }

    @Test
    void namesSubjectsAsTheCatalogNamesTargets() {
        assertThat(TargetName.of(Subject.inSchema(SubjectKind.MATERIALIZED_VIEW, "select", "order totals")))
                .containsExactly("MATERIALIZED VIEW \"select\".\"order totals\"", "TABLE \"select\".\"order totals\"");
        assertThat(TargetName.of(Subject.onTable(SubjectKind.POLICY, new QualifiedName("app", "t"), "own rows")))
                .containsExactly("POLICY \"own rows\" ON app.t");
        assertThat(TargetName.of(Subject.withSignature(SubjectKind.AGGREGATE, new QualifiedName("app", "agg"), "text")))
                .containsExactly("AGGREGATE app.agg(text)", "FUNCTION app.agg(text)");
        assertThat(TargetName.of(Subject.onTable(SubjectKind.COLUMN, new QualifiedName("Mixed Case", "User"), "e-mail")))
                .containsExactly("COLUMN \"Mixed Case\".\"User\".\"e-mail\"");
        assertThat(TargetName.of(Subject.databaseWide(SubjectKind.EVENT_TRIGGER, "ddl watch")))
                .containsExactly("EVENT TRIGGER \"ddl watch\"");
    }

    @Test
    void readsQuotedIdentifiers() {
        assertThat(TargetName.identifiers("\"a \"\"b\"\"\".c(x)")).containsExactly("a \"b\"", "c");
        assertThat(TargetName.identifiers("public.\"Order\"")).containsExactly("public", "Order");
    }
}
