package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of {@link RetentionPolicy} one at a time, on small sets whose outcome is listed by hand. */
class RetentionPolicyTest {

    /** A Saturday. */
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private static RetentionCandidate snap(String created, String label) {
        return snap(created, label, false);
    }

    /** A candidate whose id is its store's base file name, {@code yyyyMMdd_HHmmss_label}. */
    private static RetentionCandidate snap(String created, String label, boolean pinned) {
        Instant instant = Instant.parse(created);
        String id = STAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "_" + label;
        return new RetentionCandidate(id, instant, label, pinned);
    }

    private static RetentionCandidate auto(String created) {
        return snap(created, "auto");
    }

    private static Map<String, List<String>> reasons(CleanupPlan plan) {
        return plan.kept().stream().collect(Collectors.toMap(k -> k.snapshot().id(), CleanupPlan.Kept::reasons));
    }

    @Test
    void keepLastKeepsTheNNewest() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-01T00:00:00Z"), auto("2026-11-03T00:00:00Z"), auto("2026-11-02T00:00:00Z"),
                auto("2026-11-05T00:00:00Z"), auto("2026-11-04T00:00:00Z"), auto("2026-10-30T00:00:00Z"));

        CleanupPlan plan = RetentionPolicy.keepLast(3).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261105_000000_auto", "20261104_000000_auto", "20261103_000000_auto");
        assertThat(plan.deletedIds()).containsExactly(
                "20261102_000000_auto", "20261101_000000_auto", "20261030_000000_auto");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261105_000000_auto", List.of("newest", "among the last 3"),
                "20261104_000000_auto", List.of("among the last 3"),
                "20261103_000000_auto", List.of("among the last 3")));

        assertThat(RetentionPolicy.keepLast(10).ignoringMinimumAge().plan(candidates, NOW).deleted()).isEmpty();
    }

    @Test
    void keepLastNotCountingSomeKeepsThemOnlyWhileNewerThanTheNCounted() {
        List<RetentionCandidate> candidates = List.of(
                snap("2026-11-05T00:00:00Z", "before_restore"), auto("2026-11-04T00:00:00Z"),
                snap("2026-11-03T00:00:00Z", "before_restore"), auto("2026-11-02T00:00:00Z"),
                snap("2026-11-01T00:00:00Z", "before_restore"), auto("2026-10-31T00:00:00Z"));

        CleanupPlan plan = RetentionPolicy.keepLast(2, c -> !c.label().equals("before_restore"), "safety snapshots")
                .ignoringMinimumAge().ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly("20261105_000000_before_restore", "20261104_000000_auto",
                "20261103_000000_before_restore", "20261102_000000_auto");
        assertThat(plan.deletedIds()).containsExactly("20261101_000000_before_restore", "20261031_000000_auto");
        assertThat(reasons(plan)).containsEntry("20261103_000000_before_restore",
                List.of("newer than the last 2 (safety snapshots not counted)"))
                .containsEntry("20261102_000000_auto", List.of("among the last 2"));
        assertThat(RetentionPolicy.keepLast(2).ignoringMinimumAge().plan(candidates, NOW).deletedIds()).hasSize(4);
    }

    @Test
    void protectedLabelsAndPinnedSnapshotsAreKeptThoughOld() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T08:00:00Z"),
                auto("2026-11-19T08:00:00Z"),
                snap("2020-01-01T00:00:00Z", "baseline"),
                snap("2021-03-01T00:00:00Z", "v1.2.0"),
                snap("2022-03-01T00:00:00Z", "v2"),
                snap("2021-02-01T00:00:00Z", "v1.2.0-rc1"),
                snap("2019-01-01T00:00:00Z", "before_upgrade", true),
                snap("2019-01-02T00:00:00Z", "v3.0.0", true),
                // look like protected labels, but are not
                snap("2020-01-02T00:00:00Z", "baseline2"),
                snap("2020-01-03T00:00:00Z", "Baseline"),
                snap("2020-01-04T00:00:00Z", "V1.2.0"),
                snap("2020-01-05T00:00:00Z", "v1.2.3.4"),
                snap("2020-01-06T00:00:00Z", "v1.2.0_hotfix"),
                snap("2020-01-07T00:00:00Z", "release-v1"));

        CleanupPlan plan = RetentionPolicy.keepLast(1).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261120_080000_auto",
                "20220301_000000_v2",
                "20210301_000000_v1.2.0",
                "20210201_000000_v1.2.0-rc1",
                "20200101_000000_baseline",
                "20190102_000000_v3.0.0",
                "20190101_000000_before_upgrade");
        assertThat(plan.deletedIds()).containsExactly(
                "20261119_080000_auto",
                "20200107_000000_release-v1",
                "20200106_000000_v1.2.0_hotfix",
                "20200105_000000_v1.2.3.4",
                "20200104_000000_V1.2.0",
                "20200103_000000_Baseline",
                "20200102_000000_baseline2");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261120_080000_auto", List.of("newest", "among the last 1"),
                "20220301_000000_v2", List.of("protected label"),
                "20210301_000000_v1.2.0", List.of("protected label"),
                "20210201_000000_v1.2.0-rc1", List.of("protected label"),
                "20200101_000000_baseline", List.of("protected label"),
                "20190102_000000_v3.0.0", List.of("pinned", "protected label"),
                "20190101_000000_before_upgrade", List.of("pinned")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "v1", "v2", "v1.2", "v1.2.0", "v10.20.30", "v01.2", "v1.2.0-rc1",
        "v2.0.0-beta.2", "v1.0.0-RC.1", "v3-alpha"})
    void protectedLabels(String label) {
        assertThat(RetentionPolicy.isProtectedLabel(label)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baseline", "BASELINE", "baseline2", "my_baseline", "baseline.old", "V1.2.0", "v",
        "vx", "v.1", "v1.", "v1.2.3.4", "v1.2.0_hotfix", "v1.2.0-", "v1.2.0-rc_1", "v1.2.0-rc..1", "v1.2.0-rc-1",
        "release-v1", "1.2.0", "version1", " v1", ""})
    void unprotectedLabels(String label) {
        assertThat(RetentionPolicy.isProtectedLabel(label)).isFalse();
    }

    @Test
    void theNewestIsKeptWhenThePolicyWouldDropAll() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-07-01T00:00:00Z"), auto("2026-08-01T00:00:00Z"), auto("2026-06-01T00:00:00Z"));

        CleanupPlan plan = RetentionPolicy.keepAllWithin(Duration.ofDays(1)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.kept()).containsExactly(
                new CleanupPlan.Kept(auto("2026-08-01T00:00:00Z"), List.of("newest")));
        assertThat(plan.deletedIds()).containsExactly("20260701_000000_auto", "20260601_000000_auto");
    }

    @Test
    void ofTwoCreatedInTheSameInstantTheGreaterIdIsTheNewer() {
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        List<RetentionCandidate> candidates = List.of(
                new RetentionCandidate("b", t, "auto", false), new RetentionCandidate("c", t, "auto", false),
                new RetentionCandidate("a", t, "auto", false));

        CleanupPlan plan = RetentionPolicy.keepLast(1).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly("c");
        assertThat(plan.deletedIds()).containsExactly("b", "a");
    }

    @Test
    void severalADayKeepTheNewestOfTheDay() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-10T08:00:00Z"), auto("2026-11-10T21:30:00Z"), auto("2026-11-10T13:00:00Z"),
                auto("2026-11-09T02:00:00Z"), auto("2026-11-09T10:00:00Z"), auto("2026-11-21T06:00:00Z"));

        CleanupPlan plan = RetentionPolicy.onePerDayWithin(Duration.ofDays(30)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261121_060000_auto", "20261110_213000_auto", "20261109_100000_auto");
        assertThat(plan.deletedIds()).containsExactly(
                "20261110_130000_auto", "20261110_080000_auto", "20261109_020000_auto");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261121_060000_auto", List.of("newest", "newest of 2026-11-21"),
                "20261110_213000_auto", List.of("newest of 2026-11-10"),
                "20261109_100000_auto", List.of("newest of 2026-11-09")));
    }

    @Test
    void daysAreUtcDays() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-21T06:00:00Z"), auto("2026-11-09T23:30:00Z"), auto("2026-11-10T00:10:00Z"),
                auto("2026-11-10T00:30:00Z"));

        CleanupPlan plan = RetentionPolicy.onePerDayWithin(Duration.ofDays(30)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261121_060000_auto", "20261110_003000_auto", "20261109_233000_auto");
        assertThat(plan.deletedIds()).containsExactly("20261110_001000_auto");
    }

    @Test
    void weeksAreIsoWeeksFromMondayNamedByTheirWeekBasedYear() {
        // 2027-01-10 is a Sunday. ISO weeks: 2027-W01 = Mon 2027-01-04 .. Sun 01-10; 2026 began on a
        // Thursday, so it has 53 weeks: 2026-W53 = Mon 2026-12-28 .. Sun 2027-01-03. 2024-12-31, a
        // Tuesday, is in 2025-W01 (Mon 2024-12-30 ..); Sunday 2024-12-29 ends 2024-W52.
        Instant now = Instant.parse("2027-01-10T12:00:00Z");
        List<RetentionCandidate> candidates = List.of(
                auto("2027-01-10T06:00:00Z"), auto("2027-01-04T00:00:00Z"),
                auto("2027-01-03T23:59:59Z"), auto("2027-01-01T12:00:00Z"), auto("2026-12-28T00:00:00Z"),
                auto("2026-12-27T12:00:00Z"),
                auto("2024-12-31T12:00:00Z"), auto("2024-12-30T00:00:00Z"),
                auto("2024-12-29T12:00:00Z"));

        CleanupPlan plan = RetentionPolicy.onePerWeekWithin(Duration.ofDays(800)).ignoringMinimumAge().plan(candidates, now);

        assertThat(plan.keptIds()).containsExactly(
                "20270110_060000_auto", "20270103_235959_auto", "20261227_120000_auto", "20241231_120000_auto",
                "20241229_120000_auto");
        assertThat(plan.deletedIds()).containsExactly(
                "20270104_000000_auto", "20270101_120000_auto", "20261228_000000_auto", "20241230_000000_auto");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20270110_060000_auto", List.of("newest", "newest of week 2027-W01"),
                "20270103_235959_auto", List.of("newest of week 2026-W53"),
                "20261227_120000_auto", List.of("newest of week 2026-W52"),
                "20241231_120000_auto", List.of("newest of week 2025-W01"),
                "20241229_120000_auto", List.of("newest of week 2024-W52")));
    }

    @Test
    void monthsAreUtcCalendarMonths() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T00:00:00Z"),
                auto("2024-03-01T00:00:00Z"), auto("2024-02-29T23:59:59Z"), auto("2024-02-01T00:00:00Z"),
                auto("2019-05-15T00:00:00Z"), auto("2019-05-14T00:00:00Z"));

        CleanupPlan plan = RetentionPolicy.onePerMonthForever().ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261120_000000_auto", "20240301_000000_auto", "20240229_235959_auto", "20190515_000000_auto");
        assertThat(plan.deletedIds()).containsExactly("20240201_000000_auto", "20190514_000000_auto");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261120_000000_auto", List.of("newest", "newest of 2026-11"),
                "20240301_000000_auto", List.of("newest of 2024-03"),
                "20240229_235959_auto", List.of("newest of 2024-02"),
                "20190515_000000_auto", List.of("newest of 2019-05")));
    }

    @Test
    void onePerMonthWithinKeepsOnlyMonthsThatReachIntoTheWindow() {
        // now - 60 days = 2026-09-22T12:00Z: September reaches into the window, August does not
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T00:00:00Z"), auto("2026-09-22T12:00:00Z"), auto("2026-09-01T00:00:00Z"),
                auto("2026-08-31T23:00:00Z"));

        CleanupPlan plan = RetentionPolicy.onePerMonthWithin(Duration.ofDays(60)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly("20261120_000000_auto", "20260922_120000_auto");
        assertThat(plan.deletedIds()).containsExactly("20260901_000000_auto", "20260831_230000_auto");
    }

    @Test
    void aSnapshotExactlySevenDaysOldIsWithinSevenDays() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-21T11:00:00Z"), auto("2026-11-14T12:00:00Z"), auto("2026-11-14T11:59:59Z"));

        CleanupPlan plan = RetentionPolicy.keepAllWithin(Duration.ofDays(7)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly("20261121_110000_auto", "20261114_120000_auto");
        assertThat(plan.deletedIds()).containsExactly("20261114_115959_auto");
        assertThat(plan.kept().get(1).reasons()).containsExactly("within 7 days");
    }

    @Test
    void aDayWhoseNewestIsExactlyThirtyDaysOldIsWithinThirtyDays() {
        // now - 30 days = 2026-10-22T00:00:00Z, the first instant of that day
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T12:00:00Z"), auto("2026-10-22T00:00:00Z"), auto("2026-10-21T23:59:59Z"));

        CleanupPlan plan = RetentionPolicy.onePerDayWithin(Duration.ofDays(30)).ignoringMinimumAge().plan(candidates, now);

        assertThat(plan.keptIds()).containsExactly("20261120_120000_auto", "20261022_000000_auto");
        assertThat(plan.deletedIds()).containsExactly("20261021_235959_auto");
    }

    @Test
    void theStandardPolicyAtItsSevenAndThirtyDayBoundaries() {
        // NOW = Saturday 2026-11-21T12:00Z; now - 7 days = 2026-11-14T12:00Z, now - 30 days = 2026-10-22T12:00Z
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-21T12:00:00Z"),
                auto("2026-11-15T18:00:00Z"),   // within 7 days; the newest of its day and of week 2026-W46
                auto("2026-11-14T12:00:00Z"),   // exactly 7 days old
                auto("2026-11-14T11:59:59Z"),   // 7 days and a second; not the newest of its day, week or month
                auto("2026-10-25T00:00:00Z"),   // a Sunday: newest of its day, of week 2026-W43 and of October
                auto("2026-10-22T12:00:00Z"),   // exactly 30 days old, the newest of its day
                auto("2026-10-22T11:59:59Z"),   // same day, older
                auto("2026-10-21T23:00:00Z"));  // beyond 30 days; its week (W43) and month keep 10-25

        CleanupPlan plan = RetentionPolicy.standard().ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly("20261121_120000_auto", "20261115_180000_auto",
                "20261114_120000_auto", "20261025_000000_auto", "20261022_120000_auto");
        assertThat(plan.deletedIds()).containsExactly(
                "20261114_115959_auto", "20261022_115959_auto", "20261021_230000_auto");
        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261121_120000_auto", List.of("newest", "within 7 days", "newest of 2026-11-21",
                        "newest of week 2026-W47", "newest of 2026-11"),
                "20261115_180000_auto", List.of("within 7 days", "newest of 2026-11-15", "newest of week 2026-W46"),
                "20261114_120000_auto", List.of("within 7 days", "newest of 2026-11-14"),
                "20261025_000000_auto", List.of("newest of 2026-10-25", "newest of week 2026-W43", "newest of 2026-10"),
                "20261022_120000_auto", List.of("newest of 2026-10-22")));
    }

    @Test
    void aSnapshotFromAfterNowIsWithinEveryWindow() {
        List<RetentionCandidate> candidates = List.of(auto("2026-11-22T00:00:00Z"), auto("2026-11-21T00:00:00Z"));

        CleanupPlan plan = RetentionPolicy.keepAllWithin(Duration.ofDays(7)).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(reasons(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20261122_000000_auto", List.of("newest", "within 7 days"),
                "20261121_000000_auto", List.of("within 7 days")));
    }

    @Test
    void aVeryLongAgeDoesNotOverflow() {
        CleanupPlan plan = RetentionPolicy.keepAllWithin(Duration.ofSeconds(Long.MAX_VALUE))
                .plan(List.of(auto("2026-11-20T00:00:00Z"), auto("1970-01-01T00:00:00Z")), NOW);

        assertThat(plan.deleted()).isEmpty();
    }

    @Test
    void composedPoliciesKeepWhatAnyRuleKeeps() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T00:00:00Z"), auto("2026-11-19T00:00:00Z"), auto("2026-11-18T00:00:00Z"),
                auto("2026-10-31T00:00:00Z"), auto("2026-10-30T00:00:00Z"), auto("2026-09-30T00:00:00Z"));

        RetentionPolicy policy = RetentionPolicy.keepLast(2).and(RetentionPolicy.onePerMonthForever());

        CleanupPlan plan = policy.ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.keptIds()).containsExactly(
                "20261120_000000_auto", "20261119_000000_auto", "20261031_000000_auto", "20260930_000000_auto");
        assertThat(plan.deletedIds()).containsExactly("20261118_000000_auto", "20261030_000000_auto");
        assertThat(plan.kept().get(0).reasons()).containsExactly("newest", "among the last 2", "newest of 2026-11");
    }

    @Test
    void policiesAreImmutableValuesThatSayWhatTheyKeep() {
        RetentionPolicy last = RetentionPolicy.keepLast(1);
        RetentionPolicy composed = last.and(RetentionPolicy.keepAllWithin(Duration.ofHours(12)));

        assertThat(last).hasToString("keep the last 1, none deleted younger than 7 days");
        assertThat(composed).hasToString("keep the last 1, keep all within 12 hours, none deleted younger than 7 days");
        assertThat(last.ignoringMinimumAge()).hasToString("keep the last 1, minimum age ignored");
        assertThat(RetentionPolicy.standard()).hasToString("keep all within 7 days, one per day within 30 days,"
                + " one per week within 365 days, one per month forever, none deleted younger than 7 days");
        assertThat(RetentionPolicy.standard()).isEqualTo(RetentionPolicy.standard())
                .hasSameHashCodeAs(RetentionPolicy.standard());
        assertThat(RetentionPolicy.keepLast(2)).isNotEqualTo(RetentionPolicy.keepLast(3));
    }

    @Test
    void aPlanPrintsAsADryRun() {
        List<RetentionCandidate> candidates = List.of(
                auto("2026-11-20T06:00:00Z"), snap("2020-01-01T00:00:00Z", "baseline"), auto("2026-11-21T06:00:00Z"));

        CleanupPlan plan = RetentionPolicy.keepLast(1).ignoringMinimumAge().plan(candidates, NOW);

        assertThat(plan.describe()).isEqualTo("""
                keep    20261121_060000_auto  newest, among the last 1
                delete  20261120_060000_auto  kept by no rule, minimum age ignored
                keep    20200101_000000_baseline  protected label
                2 kept, 1 to delete
                """);
        assertThat(RetentionPolicy.standard().plan(List.of(), NOW).describe()).isEqualTo("0 kept, 0 to delete\n");
    }

    @Test
    void aCandidateComesFromASnapshotName() {
        SnapshotName name = new SnapshotName(Instant.parse("2026-03-04T05:06:07Z"), "v1.2.0");

        assertThat(RetentionCandidate.of(name, true)).isEqualTo(
                new RetentionCandidate("20260304_050607_v1.2.0", name.created(), "v1.2.0", true));
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> RetentionPolicy.keepLast(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> RetentionPolicy.keepLast(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, got -2");
        assertThatThrownBy(() -> RetentionPolicy.keepAllWithin(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keepAllWithin needs a positive age, such as Duration.ofDays(7), got PT0S");
        assertThatThrownBy(() -> RetentionPolicy.onePerDayWithin(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onePerDayWithin needs a positive age");
        assertThatThrownBy(() -> RetentionPolicy.onePerWeekWithin(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("onePerWeekWithin needs an age, such as Duration.ofDays(7)");
        assertThatThrownBy(() -> RetentionPolicy.onePerMonthWithin(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onePerMonthWithin");
        assertThatThrownBy(() -> RetentionPolicy.keepLast(1).and(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("needs a policy");
    }

    @Test
    void badCandidatesAreRefusedWithWhatIsAllowed() {
        RetentionPolicy policy = RetentionPolicy.standard();
        RetentionCandidate a = auto("2026-11-20T08:00:00Z");

        assertThatThrownBy(() -> policy.plan(List.of(a, auto("2026-11-19T08:00:00Z"), a), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two retention candidates have the id '20261120_080000_auto': each snapshot needs an id"
                        + " of its own, such as its base file name");
        RetentionCandidate sameIdOtherTime = new RetentionCandidate(a.id(), Instant.parse("2026-01-01T00:00:00Z"), "x",
                false);
        assertThatThrownBy(() -> policy.plan(List.of(a, sameIdOtherTime), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'20261120_080000_auto'");
        assertThatThrownBy(() -> policy.plan(null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("candidates");
        assertThatThrownBy(() -> policy.plan(Arrays.asList(a, null), NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("candidates[1]");
        assertThatThrownBy(() -> policy.plan(List.of(a), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("now");

        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        assertThatThrownBy(() -> new RetentionCandidate(null, t, "auto", false))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("base file name");
        assertThatThrownBy(() -> new RetentionCandidate(" ", t, "auto", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> new RetentionCandidate("x", null, "auto", false))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("created");
        assertThatThrownBy(() -> new RetentionCandidate("x", t, null, false))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> new CleanupPlan.Kept(a, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one reason");
    }
}
