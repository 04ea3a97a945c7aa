package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Trigger;
import org.junit.jupiter.api.Test;

/** Definitions as pg_get_triggerdef renders them. */
class TriggerDefinitionTest {

    private static final QualifiedName USER = new QualifiedName("Mixed Case", "User");

    @Test
    void takesARowTriggerWithAConditionApart() {
        Trigger trigger = new Trigger(USER, "audit_always", "CREATE TRIGGER audit_always BEFORE INSERT OR UPDATE OF \"select\""
                + " ON \"Mixed Case\".\"User\" FOR EACH ROW WHEN ((new.balance IS NOT NULL))"
                + " EXECUTE FUNCTION \"Mixed Case\".audit()", "A");

        TriggerDefinition parts = TriggerDefinition.parse(trigger).orElseThrow();

        assertThat(parts.timing()).isEqualTo("BEFORE");
        assertThat(parts.events()).isEqualTo("INSERT OR UPDATE OF \"select\"");
        assertThat(parts.options()).isEmpty();
        assertThat(parts.level()).isEqualTo("ROW");
        assertThat(parts.condition()).contains("((new.balance IS NOT NULL))");
        assertThat(parts.function()).isEqualTo("\"Mixed Case\".audit()");
    }

    @Test
    void takesAConstraintTriggerApart() {
        Trigger trigger = new Trigger(new QualifiedName("select", "order"), "audit_deferred",
                "CREATE CONSTRAINT TRIGGER audit_deferred AFTER INSERT ON \"select\".\"order\" DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW EXECUTE FUNCTION \"Mixed Case\".audit()", "O");

        TriggerDefinition parts = TriggerDefinition.parse(trigger).orElseThrow();

        assertThat(parts.timing()).isEqualTo("AFTER");
        assertThat(parts.events()).isEqualTo("INSERT");
        assertThat(parts.options()).isEqualTo("CONSTRAINT DEFERRABLE INITIALLY DEFERRED");
        assertThat(parts.condition()).isEmpty();
        assertThat(parts.sql(trigger)).isEqualTo(trigger.definition());
    }

    @Test
    void takesAStatementTriggerWithTransitionTablesApart() {
        Trigger trigger = new Trigger(USER, "counts", "CREATE TRIGGER counts INSTEAD OF DELETE ON \"Mixed Case\".\"User\""
                + " REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION app.count_rows('x', '1')", "D");

        TriggerDefinition parts = TriggerDefinition.parse(trigger).orElseThrow();

        assertThat(parts.timing()).isEqualTo("INSTEAD OF");
        assertThat(parts.options()).isEqualTo("REFERENCING OLD TABLE AS gone");
        assertThat(parts.level()).isEqualTo("STATEMENT");
        assertThat(parts.function()).isEqualTo("app.count_rows('x', '1')");
    }

    @Test
    void aDefinitionInAnotherFormIsNotTakenApart() {
        Trigger trigger = new Trigger(USER, "t", "CREATE TRIGGER t AFTER INSERT ON app.other FOR EACH ROW EXECUTE FUNCTION f()", "O");

        assertThat(TriggerDefinition.parse(trigger)).isEmpty();
    }
}
