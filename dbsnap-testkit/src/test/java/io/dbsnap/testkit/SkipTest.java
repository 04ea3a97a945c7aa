package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The decision alone, no server: on CI a skip is a failure, elsewhere a skip that says why. */
class SkipTest {

    private static Skip in(Map<String, String> environment) {
        return new Skip(environment::get);
    }

    @Test
    void onCiASkipFailsTheTestNamingWhatAndWhy() {
        Skip ci = in(Map.of("CI", "true"));

        assertThatThrownBy(() -> ci.testUnless(false, "the pg_dump round trip", "pg_dump 15 refuses PostgreSQL 18"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true")
                .hasMessageContaining("the pg_dump round trip")
                .hasMessageContaining("pg_dump 15 refuses PostgreSQL 18");
        assertThatThrownBy(() -> ci.runPart(false, "a part", "a reason")).isInstanceOf(AssertionError.class);
    }

    @Test
    void elsewhereASkipIsAnAbortedTestWithItsReason() {
        Skip local = in(Map.of());

        assertThatThrownBy(() -> local.testUnless(false, "the pg_dump round trip", "pg_dump 15 refuses PostgreSQL 18"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("Skipped the pg_dump round trip: pg_dump 15 refuses PostgreSQL 18");
        assertThat(local.runPart(false, "a part", "a reason")).isFalse();
    }

    @Test
    void whatCanRunRunsOnCiAndElsewhere() {
        for (Skip skip : new Skip[] {in(Map.of("CI", "true")), in(Map.of())}) {
            skip.testUnless(true, "a check", "no reason");
            assertThat(skip.runPart(true, "a part", "no reason")).isTrue();
        }
    }

    @Test
    void onlyATrueCiVariableIsCi() {
        assertThat(in(Map.of("CI", "TRUE")).onCi()).isTrue();
        assertThat(in(Map.of("CI", "1")).onCi()).isTrue();
        assertThat(in(Map.of("CI", "false")).onCi()).isFalse();
        assertThat(in(Map.of("CI", "")).onCi()).isFalse();
        assertThat(in(Map.of()).onCi()).isFalse();
    }
}
