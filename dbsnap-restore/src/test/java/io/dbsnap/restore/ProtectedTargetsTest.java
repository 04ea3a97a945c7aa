package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which addresses ({@code user@host:port/db}) a DBSNAP_PROTECTED list protects; each case decided by hand. */
class ProtectedTargetsTest {

    @Test
    void hostsMatchWithoutCaseOnAnyPortAndDatabase() {
        ProtectedTargets targets = ProtectedTargets.parse("prod-db.example.com");
        assertThat(targets.protecting("app@PROD-DB.example.com:6432/app")).contains("prod-db.example.com");
        assertThat(targets.protecting("app@prod-db.example.com:5432/other")).isPresent();
        assertThat(targets.protecting("app@staging-db.example.com:5432/app")).isEmpty();
        assertThat(targets.protecting("app@prod-db.example.com.evil:5432/app")).isEmpty();
    }

    @Test
    void patternsTakeAStarForAnyCharacters() {
        ProtectedTargets targets = ProtectedTargets.parse(" *.prod.internal , db-*-primary ");
        assertThat(targets.protecting("u@a.prod.internal:5432/x")).contains("*.prod.internal");
        assertThat(targets.protecting("u@db-eu-primary:5432/x")).contains("db-*-primary");
        assertThat(targets.protecting("u@prod.internal:5432/x")).isEmpty();
        assertThat(targets.protecting("u@db-eu-replica:5432/x")).isEmpty();
    }

    @Test
    void aUrlProtectsItsHostPortAndDatabaseOnlyAndShowsNoPassword() {
        ProtectedTargets targets = ProtectedTargets.parse("postgresql://admin:s3cret@db.example.com/app");
        assertThat(targets.protecting("u@db.example.com:5432/app")).isPresent();
        assertThat(targets.protecting("u@db.example.com:5433/app")).isEmpty();
        assertThat(targets.protecting("u@db.example.com:5432/app_test")).isEmpty();
        assertThat(targets.toString()).doesNotContain("s3cret");
        assertThat(ProtectedTargets.parse("jdbc:postgresql://db.example.com:6000/app").protecting("u@db.example.com:6000/app"))
                .isPresent();
        // a failover URL: any of its hosts
        assertThat(ProtectedTargets.parse("db.example.com").protecting("u@replica:5432,db.example.com:5432/app")).isPresent();
    }

    @Test
    void theRefusalNamesTheFlagAndSaysNothingChanged() {
        ProtectedTargets targets = ProtectedTargets.of("prod-db.example.com");
        assertThatThrownBy(() -> targets.check("app@prod-db.example.com:5432/app", false, "restore"))
                .isInstanceOf(ProductionApprovalRequiredException.class)
                .hasMessageContaining("--approve-production").hasMessageContaining("Nothing was changed")
                .hasMessageContaining("prod-db.example.com");
        targets.check("app@prod-db.example.com:5432/app", true, "restore");
        ProtectedTargets.none().check("app@prod-db.example.com:5432/app", false, "restore");
        assertThat(ProtectedTargets.parse(" , ").isEmpty()).isTrue();
    }
}
