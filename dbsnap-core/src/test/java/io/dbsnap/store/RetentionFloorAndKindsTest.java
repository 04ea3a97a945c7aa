package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The minimum age no rule can break without {@link RetentionPolicy#ignoringMinimumAge()}, the
 * rules per kind of snapshot, and a deletion of named snapshots. Ages are counted by hand from NOW.
 */
class RetentionFloorAndKindsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static RetentionCandidate candidate(String id, String created, String label, SnapshotKind kind) {
        return new RetentionCandidate(id, Instant.parse(created), label, false, kind);
    }

    /** 6 days 23 hours old: inside the default floor of 7 days. */
    private static final RetentionCandidate YOUNG = candidate("young", "2026-11-14T13:00:00Z", "auto", SnapshotKind.ON_REQUEST);
    /** Exactly 7 days old: no longer younger than the floor. */
    private static final RetentionCandidate SEVEN_DAYS = candidate("seven", "2026-11-14T12:00:00Z", "auto", SnapshotKind.ON_REQUEST);
    /** 1 hour old, the newest. */
    private static final RetentionCandidate NEWEST = candidate("newest", "2026-11-21T11:00:00Z", "auto", SnapshotKind.ON_REQUEST);

    @Test
    void keepLastOneCannotDeleteASnapshotYoungerThanSevenDays() {
        CleanupPlan plan = RetentionPolicy.keepLast(1).plan(List.of(NEWEST, YOUNG, SEVEN_DAYS), NOW);

        assertThat(plan.deletedIds()).containsExactly("seven");
        assertThat(plan.kept()).filteredOn(k -> k.snapshot().id().equals("young")).singleElement()
                .extracting(CleanupPlan.Kept::reasons).asList().containsExactly("younger than 7 days (minimum age)");
        assertThat(plan.deletionReasons()).containsEntry("seven",
                "kept by no rule, older than the minimum age of 7 days");
    }

    @Test
    void aShortKeepAllWithinCannotEither() {
        // cleanup --older-than 1d: a snapshot 6 days old is older than a day, but young by the floor
        CleanupPlan plan = RetentionPolicy.keepAllWithin(Duration.ofDays(1)).plan(List.of(NEWEST, YOUNG, SEVEN_DAYS), NOW);

        assertThat(plan.keptIds()).containsExactly("newest", "young");
    }

    @Test
    void aNamedDeletionOfAYoungSnapshotIsRefusedUnlessTheFloorIsIgnoredByName() {
        RetentionPolicy named = RetentionPolicy.deleteOnly(Set.of("young"));

        CleanupPlan refused = named.plan(List.of(NEWEST, YOUNG, SEVEN_DAYS), NOW);
        assertThat(refused.deletedIds()).isEmpty();
        assertThat(refused.kept()).filteredOn(k -> k.snapshot().id().equals("seven")).singleElement()
                .extracting(CleanupPlan.Kept::reasons).asList().containsExactly("not named");

        CleanupPlan overridden = named.ignoringMinimumAge().plan(List.of(NEWEST, YOUNG, SEVEN_DAYS), NOW);
        assertThat(overridden.deletedIds()).containsExactly("young");
        assertThat(overridden.deletionReasons()).containsEntry("young", "named, minimum age ignored");
    }

    @Test
    void theFloorCanBeRaisedAndComposingKeepsTheGreaterOne() {
        RetentionPolicy tenDays = RetentionPolicy.keepLast(1).minimumAge(Duration.ofDays(10));
        assertThat(tenDays.plan(List.of(NEWEST, YOUNG, SEVEN_DAYS), NOW).deletedIds()).isEmpty();

        // an ignored floor composed with a default one: the default one stands
        RetentionPolicy composed = RetentionPolicy.keepLast(1).ignoringMinimumAge().and(RetentionPolicy.keepLast(1));
        assertThat(composed.minimumAgeFloor()).contains(Duration.ofDays(7));
        assertThat(RetentionPolicy.keepLast(1).and(tenDays).minimumAgeFloor()).contains(Duration.ofDays(10));
        assertThatThrownBy(() -> RetentionPolicy.keepLast(1).minimumAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumAge");
    }

    @Test
    void eachKindKeepsItsOwnAge() {
        // 40 days old: past manual's 30 days, within pre-migration's 90
        RetentionCandidate manual = candidate("manual", "2026-10-12T12:00:00Z", "checkpoint", SnapshotKind.ON_REQUEST);
        RetentionCandidate beforeMigration = candidate("migration", "2026-10-12T12:00:00Z", "before_v2", SnapshotKind.BEFORE_MIGRATION);
        RetentionCandidate labelled = candidate("labelled", "2026-10-12T12:00:00Z", "pre_migration_roles", SnapshotKind.ON_REQUEST);
        RetentionCandidate nightly = candidate("nightly", "2026-10-12T12:00:00Z", "nightly", SnapshotKind.ON_REQUEST);
        RetentionCandidate safety = candidate("safety", "2026-10-12T12:00:00Z", "before_restore", SnapshotKind.SAFETY);
        RetentionCandidate manualRecent = candidate("manual_recent", "2026-11-01T12:00:00Z", "checkpoint", SnapshotKind.ON_REQUEST);

        RetentionPolicy policy = RetentionPolicy.keepKindWithin(RetentionKind.MANUAL, Duration.ofDays(30))
                .and(RetentionPolicy.keepKindWithin(RetentionKind.PRE_MIGRATION, Duration.ofDays(90)));
        CleanupPlan plan = policy.plan(List.of(NEWEST, manual, beforeMigration, labelled, nightly, safety, manualRecent), NOW);

        assertThat(plan.keptIds()).containsExactlyInAnyOrder("newest", "manual_recent", "migration", "labelled");
        assertThat(plan.deletedIds()).containsExactlyInAnyOrder("manual", "nightly", "safety");
        assertThat(plan.kept()).filteredOn(k -> k.snapshot().id().equals("migration")).singleElement()
                .extracting(CleanupPlan.Kept::reasons).asList().containsExactly("pre-migration within 90 days");
        assertThat(nightly.retentionKind()).isEqualTo(RetentionKind.NIGHTLY);
        assertThat(safety.retentionKind()).isEqualTo(RetentionKind.SAFETY);
        assertThat(RetentionKind.parse("Pre_Migration")).contains(RetentionKind.PRE_MIGRATION);
        assertThat(RetentionKind.parse("weekly")).isEmpty();
    }

    @Test
    void aLabelPrefixKeepsItsOwnAge() {
        RetentionCandidate release = candidate("release", "2026-10-12T12:00:00Z", "release-42", SnapshotKind.ON_REQUEST);
        RetentionCandidate other = candidate("other", "2026-10-12T12:00:00Z", "auto", SnapshotKind.ON_REQUEST);

        CleanupPlan plan = RetentionPolicy.keepLabelPrefixWithin("release-", Duration.ofDays(60))
                .plan(List.of(NEWEST, release, other), NOW);

        assertThat(plan.deletedIds()).containsExactly("other");
        assertThat(plan.describe()).contains("keep    release  label release-* within 60 days");
    }
}
