package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The standard policy on 400 days of snapshots, one every 6 hours. The expected set is worked out
 * below from the calendar by hand, without the policy's code: no grouping, only the known dates.
 */
class RetentionStandardHistoryTest {

    /** A Saturday: 2026-11-21 is day 325 of a year that began on a Thursday; 324 = 46 * 7 + 2. */
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /** now - 400 days = 2025-10-17T12:00Z, then every 6 hours up to and including now. */
    private static List<RetentionCandidate> history() {
        List<RetentionCandidate> history = new ArrayList<>();
        for (Instant t = Instant.parse("2025-10-17T12:00:00Z"); !t.isAfter(NOW); t = t.plus(Duration.ofHours(6))) {
            history.add(new RetentionCandidate(id(t), t, "auto", false));
        }
        return history;
    }

    private static String id(Instant created) {
        return STAMP.format(LocalDateTime.ofInstant(created, ZoneOffset.UTC)) + "_auto";
    }

    private static String at18(LocalDate day) {
        return id(day.atTime(18, 0).toInstant(ZoneOffset.UTC));
    }

    /**
     * What the standard policy must keep, derived from the calendar. Snapshots fall at 00:00,
     * 06:00, 12:00 and 18:00, so the newest of any whole day is its 18:00 one; the newest of
     * today (2026-11-21), of this week and of this month is now itself.
     */
    private static Set<String> expectedKept() {
        Set<String> expected = new HashSet<>();

        // the newest: now
        expected.add(id(NOW));

        // all within 7 days: from 2026-11-14T12:00 (exactly 7 days old, kept) to now.
        // 11-14 12:00 and 18:00, four a day on 11-15 to 11-20, 11-21 00:00, 06:00, 12:00: 2 + 24 + 3 = 29
        for (Instant t = Instant.parse("2026-11-14T12:00:00Z"); !t.isAfter(NOW); t = t.plus(Duration.ofHours(6))) {
            expected.add(id(t));
        }
        assertThat(expected).hasSize(29);

        // one per day for 30 days: now - 30 days = 2026-10-22T12:00, so the days 2026-10-22 to
        // 2026-11-21 each keep their newest, the 18:00 one (11-21: now, already in). Days 11-14 to
        // 11-20 are already in, so this adds 10-22 .. 11-13: 10 days of October + 13 of November = 23
        LocalDate lastDay = LocalDate.parse("2026-11-20");
        for (LocalDate day = LocalDate.parse("2026-10-22"); !day.isAfter(lastDay); day = day.plusDays(1)) {
            expected.add(at18(day));
        }
        assertThat(expected).hasSize(29 + 23);

        // one per week for 365 days: now - 365 days = 2025-11-21T12:00, a Friday, in the ISO week
        // 2025-11-17 .. 2025-11-23. Every ISO week from that one on keeps its newest: its Sunday's
        // 18:00; the week of now (ending Sunday 2026-11-22) keeps now. The Sundays 2025-11-23 ..
        // 2026-11-15 are 52 (2025-11-23 + 51 weeks = 2026-11-15); the last four (10-25, 11-01, 11-08,
        // 11-15) are already in, so this adds 48
        List<LocalDate> sundays = new ArrayList<>();
        LocalDate firstSunday = LocalDate.parse("2025-11-23");
        LocalDate lastSunday = LocalDate.parse("2026-11-15");
        for (LocalDate sunday = firstSunday; !sunday.isAfter(lastSunday); sunday = sunday.plusWeeks(1)) {
            sundays.add(sunday);
            expected.add(at18(sunday));
        }
        assertThat(sundays).hasSize(52).allMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(expected).hasSize(29 + 23 + 48);

        // one per month forever: the last day of each month at 18:00 from October 2025 (the first
        // month of the history) to October 2026; November 2026 keeps now. Three of these 13 are
        // already in: 2026-10-31 (a daily one), 2025-11-30 and 2026-05-31 (Sundays). Adds 10
        expected.addAll(List.of(
                "20251031_180000_auto", "20251130_180000_auto", "20251231_180000_auto",
                "20260131_180000_auto", "20260228_180000_auto", "20260331_180000_auto",
                "20260430_180000_auto", "20260531_180000_auto", "20260630_180000_auto",
                "20260731_180000_auto", "20260831_180000_auto", "20260930_180000_auto",
                "20261031_180000_auto"));
        assertThat(expected).hasSize(29 + 23 + 48 + 10);
        return expected;
    }

    @Test
    void standardPolicyKeepsExactlyTheExpectedSnapshotsOf400Days() {
        List<RetentionCandidate> history = history();
        assertThat(history).hasSize(400 * 4 + 1);
        Set<String> all = history.stream().map(RetentionCandidate::id).collect(Collectors.toSet());
        Set<String> expected = expectedKept();
        assertThat(all).containsAll(expected);

        CleanupPlan plan = RetentionPolicy.standard().plan(history, NOW);

        assertThat(plan.keptIds()).doesNotHaveDuplicates();
        assertThat(Set.copyOf(plan.keptIds())).isEqualTo(expected);
        Set<String> expectedDeleted = new HashSet<>(all);
        expectedDeleted.removeAll(expected);
        assertThat(plan.deletedIds()).hasSize(1601 - 110).doesNotHaveDuplicates();
        assertThat(Set.copyOf(plan.deletedIds())).isEqualTo(expectedDeleted);
    }

    @Test
    void bothListsAreNewestFirstAndTheOldestMonthIsTheLastKept() {
        CleanupPlan plan = RetentionPolicy.standard().plan(history(), NOW);

        // the ids begin with yyyyMMdd_HHmmss, so newest first is descending id order
        assertThat(plan.keptIds()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(plan.deletedIds()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(plan.keptIds()).startsWith("20261121_120000_auto").endsWith("20251031_180000_auto");
        assertThat(plan.deletedIds()).startsWith("20261114_060000_auto").endsWith("20251017_120000_auto");
    }

    @Test
    void eachKeptSnapshotSaysWhy() {
        Map<String, List<String>> reasons = RetentionPolicy.standard().plan(history(), NOW).kept().stream()
                .collect(Collectors.toMap(k -> k.snapshot().id(), CleanupPlan.Kept::reasons));

        assertThat(reasons.get("20261121_120000_auto")).containsExactly("newest",
                "younger than 7 days (minimum age)", "within 7 days", "newest of 2026-11-21", "newest of week 2026-W47", "newest of 2026-11");
        assertThat(reasons.get("20261114_120000_auto")).containsExactly("within 7 days");
        assertThat(reasons.get("20261022_180000_auto")).containsExactly("newest of 2026-10-22");
        assertThat(reasons.get("20261031_180000_auto")).containsExactly("newest of 2026-10-31", "newest of 2026-10");
        assertThat(reasons.get("20260301_180000_auto")).containsExactly("newest of week 2026-W09");
        assertThat(reasons.get("20251123_180000_auto")).containsExactly("newest of week 2025-W47");
        assertThat(reasons.get("20251130_180000_auto")).containsExactly("newest of week 2025-W48", "newest of 2025-11");
        assertThat(reasons.get("20251031_180000_auto")).containsExactly("newest of 2025-10");
    }

    @Test
    void planningAgainOverWhatWasKeptDeletesNothingMore() {
        CleanupPlan first = RetentionPolicy.standard().plan(history(), NOW);
        List<RetentionCandidate> left = first.kept().stream().map(CleanupPlan.Kept::snapshot).toList();

        CleanupPlan second = RetentionPolicy.standard().plan(left, NOW);

        assertThat(second.deleted()).isEmpty();
        assertThat(second.keptIds()).isEqualTo(first.keptIds());
    }
}
