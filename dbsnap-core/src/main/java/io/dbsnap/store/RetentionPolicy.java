package io.dbsnap.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which snapshots a cleanup keeps and which it deletes. A policy is a set of rules; a snapshot is
 * kept when <em>any</em> rule keeps it. Policies are immutable and compose with {@link #and}:
 * <pre>
 * RetentionPolicy policy = RetentionPolicy.keepLast(5)
 *         .and(RetentionPolicy.onePerDayWithin(Duration.ofDays(14)));
 * CleanupPlan plan = policy.plan(candidates, Instant.now());
 * </pre>
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>{@link #keepLast(int) keepLast(n)}: the n newest snapshots.</li>
 * <li>{@link #keepAllWithin(Duration) keepAllWithin(d)}: every snapshot at most d old.</li>
 * <li>{@link #onePerDayWithin(Duration) onePerDayWithin(d)}, {@link #onePerWeekWithin(Duration)
 * onePerWeekWithin(d)}, {@link #onePerMonthWithin(Duration) onePerMonthWithin(d)}: for every UTC
 * calendar day, ISO week (Monday to Sunday, UTC) or UTC calendar month that holds a snapshot at most
 * d old, the <em>newest</em> snapshot of that day, week or month. The newest is kept, rather than
 * the oldest, because it is the last state of the database in that period. {@link #onePerMonthForever()}
 * does the same for every month, however old.</li>
 * </ul>
 * Ages are measured from the {@code now} given to {@link #plan}, never from the clock, and a
 * snapshot exactly d old is within d. A snapshot created after {@code now} (a clock that was
 * ahead) is within every window. Among snapshots created in the same instant, the one with the
 * greater id counts as the newer.
 *
 * <h2>Always kept</h2>
 * Whatever the rules, a plan never deletes
 * <ul>
 * <li>the newest snapshot, so that a cleanup never leaves a store empty;</li>
 * <li>a pinned snapshot ({@code keep: true} in its metadata);</li>
 * <li>a snapshot with a protected label, one that matches, in full and case-sensitively, the
 * regular expression {@link #PROTECTED_LABEL_PATTERN}
 * <pre>baseline|v[0-9]+(\.[0-9]+){0,2}(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?</pre>
 * that is, {@code baseline}, or a version label: {@code v}, one to three dot-separated numbers,
 * optionally a hyphen and a pre-release of dot-separated letters and digits. {@code v2},
 * {@code v1.2}, {@code v1.2.0}, {@code v1.2.0-rc1} and {@code v2.0.0-beta.2} are protected;
 * {@code Baseline}, {@code baseline2}, {@code V1.2.0}, {@code v1.2.3.4}, {@code v1.2.0_hotfix},
 * {@code v1.2.0-rc-1} and {@code release-v1} are not.</li>
 *
 * <li>a snapshot younger than the policy's minimum age ({@link #DEFAULT_MINIMUM_AGE 7 days} unless
 * {@link #minimumAge(Duration)} says otherwise), whatever the rules say, a named deletion
 * ({@link #deleteOnly}) included; only {@link #ignoringMinimumAge()}, named for what it does,
 * lifts it. Composed policies keep the greater of their minimum ages.</li>
 * </ul>
 *
 * <h2>Kinds</h2>
 * {@link #keepKindWithin(RetentionKind, Duration) keepKindWithin(kind, d)} keeps every snapshot of one
 * {@link RetentionKind} (manual, pre-migration, safety, nightly) at most d old, such as manual
 * snapshots for 30 days and pre-migration ones for 90; {@link #keepLabelPrefixWithin} does the same
 * for labels starting with a prefix.
 *
 * <h2>The standard policy</h2>
 * {@link #standard()} keeps every snapshot of the last 7 days, one per day for 30 days, one per
 * week for a year (365 days) and one per month forever. Its rules are independent, so the newest
 * snapshot of a month of the last year is kept as that month's even when it is not the newest of
 * its week: at most one more snapshot a month than the weekly rule alone would keep.
 */
public final class RetentionPolicy {

    /**
     * The regular expression a label matches, in full and case-sensitively, to protect its snapshot
     * from deletion: {@code baseline}, or {@code v} with one to three dot-separated numbers and an
     * optional pre-release such as {@code -rc1} or {@code -beta.2}.
     */
    public static final String PROTECTED_LABEL_PATTERN =
            "baseline|v[0-9]+(\\.[0-9]+){0,2}(-[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*)?";

    private static final Pattern PROTECTED_LABEL = Pattern.compile(PROTECTED_LABEL_PATTERN);

    /** Newest first: latest created first, then greatest id first, so that plans are deterministic. */
    static final Comparator<RetentionCandidate> NEWEST_FIRST = Comparator
            .comparing(RetentionCandidate::created)
            .thenComparing(RetentionCandidate::id)
            .reversed();

    /** The age under which no snapshot is deleted unless a policy says otherwise: 7 days. */
    public static final Duration DEFAULT_MINIMUM_AGE = Duration.ofDays(7);

    private final List<Rule> rules;
    private final Optional<Duration> minimumAge;

    private RetentionPolicy(List<Rule> rules) {
        this(rules, Optional.of(DEFAULT_MINIMUM_AGE));
    }

    private RetentionPolicy(List<Rule> rules, Optional<Duration> minimumAge) {
        this.rules = List.copyOf(rules);
        this.minimumAge = minimumAge;
    }

    /**
     * This policy with another floor: no snapshot younger than {@code age} is deleted, whatever
     * the rules say.
     *
     * @throws IllegalArgumentException when the age is zero or negative (see {@link #ignoringMinimumAge()})
     */
    public RetentionPolicy minimumAge(Duration age) {
        return new RetentionPolicy(rules, Optional.of(requirePositive("minimumAge", age)));
    }

    /**
     * This policy without a minimum age: young snapshots are deleted when no rule keeps them. The
     * one way to delete a snapshot younger than the floor; apply it last, since a composed policy
     * keeps the greater floor of its parts.
     */
    public RetentionPolicy ignoringMinimumAge() {
        return new RetentionPolicy(rules, Optional.empty());
    }

    /** The floor under which no snapshot is deleted; empty when ignored. */
    public Optional<Duration> minimumAgeFloor() {
        return minimumAge;
    }

    /**
     * Every snapshot of {@code kind} at most {@code age} old, such as
     * {@code keepKindWithin(RetentionKind.PRE_MIGRATION, Duration.ofDays(90))}.
     *
     * @throws IllegalArgumentException when the age is zero or negative
     */
    public static RetentionPolicy keepKindWithin(RetentionKind kind, Duration age) {
        Objects.requireNonNull(kind, "kind: keepKindWithin needs a kind, such as RetentionKind.MANUAL");
        return new RetentionPolicy(List.of(new KeepKindWithin(kind, requirePositive("keepKindWithin", age))));
    }

    /**
     * Every snapshot whose label starts with {@code prefix} at most {@code age} old.
     *
     * @throws IllegalArgumentException when the prefix is blank or the age zero or negative
     */
    public static RetentionPolicy keepLabelPrefixWithin(String prefix, Duration age) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("keepLabelPrefixWithin needs a label prefix, such as nightly");
        }
        return new RetentionPolicy(List.of(new KeepLabelPrefixWithin(prefix, requirePositive("keepLabelPrefixWithin", age))));
    }

    /**
     * Deletes only the snapshots named (by id, the base file name): every other one is kept. The
     * named ones are still kept when every policy keeps them: the newest, pinned ones, protected
     * labels, and those younger than the minimum age.
     *
     * @throws IllegalArgumentException when no name is given
     */
    public static RetentionPolicy deleteOnly(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("deleteOnly needs at least one snapshot name");
        }
        return new RetentionPolicy(List.of(new KeepAllBut(Set.copyOf(ids))));
    }

    /**
     * Every snapshot of the last 7 days, the newest of each UTC day for 30 days, of each ISO week
     * for 365 days and of each UTC month forever — besides the snapshots every policy keeps.
     */
    public static RetentionPolicy standard() {
        return keepAllWithin(Duration.ofDays(7))
                .and(onePerDayWithin(Duration.ofDays(30)))
                .and(onePerWeekWithin(Duration.ofDays(365)))
                .and(onePerMonthForever());
    }

    /**
     * The n newest snapshots.
     *
     * @throws IllegalArgumentException when n is less than 1
     */
    public static RetentionPolicy keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("keepLast needs n of at least 1, got " + n
                    + " (the newest snapshot is always kept, so keepLast(1) keeps only that)");
        }
        return new RetentionPolicy(List.of(new KeepLast(n)));
    }

    /**
     * The n newest snapshots that {@code counted} accepts, and the others newer than the oldest of
     * them: those it refuses (such as safety snapshots) take no place among the n, and are kept
     * while they are among them in time.
     *
     * @param uncounted what the refused ones are, for the reasons, such as {@code safety snapshots}
     * @throws IllegalArgumentException when n is less than 1
     */
    public static RetentionPolicy keepLast(int n, Predicate<RetentionCandidate> counted,
                                           String uncounted) {
        keepLast(n);
        return new RetentionPolicy(List.of(new KeepLastCounting(n, Objects.requireNonNull(counted, "counted"),
                Objects.requireNonNull(uncounted, "uncounted"))));
    }

    /**
     * Every snapshot at most {@code age} old.
     *
     * @throws IllegalArgumentException when the age is zero or negative
     */
    public static RetentionPolicy keepAllWithin(Duration age) {
        return new RetentionPolicy(List.of(new KeepAllWithin(requirePositive("keepAllWithin", age))));
    }

    /**
     * The newest snapshot of each UTC calendar day that holds a snapshot at most {@code age} old.
     *
     * @throws IllegalArgumentException when the age is zero or negative
     */
    public static RetentionPolicy onePerDayWithin(Duration age) {
        return onePer(Bucket.DAY, Optional.of(requirePositive("onePerDayWithin", age)));
    }

    /**
     * The newest snapshot of each ISO week (Monday 00:00 to Sunday 24:00 UTC) that holds a
     * snapshot at most {@code age} old.
     *
     * @throws IllegalArgumentException when the age is zero or negative
     */
    public static RetentionPolicy onePerWeekWithin(Duration age) {
        return onePer(Bucket.WEEK, Optional.of(requirePositive("onePerWeekWithin", age)));
    }

    /**
     * The newest snapshot of each UTC calendar month that holds a snapshot at most {@code age} old.
     *
     * @throws IllegalArgumentException when the age is zero or negative
     */
    public static RetentionPolicy onePerMonthWithin(Duration age) {
        return onePer(Bucket.MONTH, Optional.of(requirePositive("onePerMonthWithin", age)));
    }

    /** The newest snapshot of each UTC calendar month, however old. */
    public static RetentionPolicy onePerMonthForever() {
        return onePer(Bucket.MONTH, Optional.empty());
    }

    /** A policy that keeps what this one keeps and what {@code other} keeps. */
    public RetentionPolicy and(RetentionPolicy other) {
        Objects.requireNonNull(other, "other: and(...) needs a policy, such as RetentionPolicy.keepLast(5)");
        List<Rule> both = new ArrayList<>(rules);
        both.addAll(other.rules);
        // the safer floor of the two: composing never lowers a minimum age
        Optional<Duration> floor = minimumAge.isEmpty() ? other.minimumAge : other.minimumAge.isEmpty() ? minimumAge
                : Optional.of(minimumAge.get().compareTo(other.minimumAge.get()) >= 0 ? minimumAge.get() : other.minimumAge.get());
        return new RetentionPolicy(both, floor);
    }

    /**
     * Whether a label protects its snapshot from deletion: {@code baseline}, or a version label
     * such as {@code v1.2.0} or {@code v1.2.0-rc1}; see {@link #PROTECTED_LABEL_PATTERN}.
     */
    public static boolean isProtectedLabel(String label) {
        return label != null && PROTECTED_LABEL.matcher(label).matches();
    }

    /**
     * Decides which of the candidates are kept, and why, and which are deleted.
     *
     * @param candidates the snapshots of a store, in any order, each with its own id
     * @param now        the instant ages are measured from
     * @throws IllegalArgumentException when two candidates share an id
     * @throws NullPointerException     when the list, a candidate or {@code now} is null
     */
    public CleanupPlan plan(List<RetentionCandidate> candidates, Instant now) {
        Objects.requireNonNull(candidates, "candidates: plan(...) needs the list of snapshots, empty for none");
        Objects.requireNonNull(now, "now: plan(...) needs the instant ages are measured from, such as Instant.now()");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            RetentionCandidate candidate = Objects.requireNonNull(candidates.get(i),
                    "candidates[" + i + "]: the list of snapshots must not hold null");
            if (!ids.add(candidate.id())) {
                throw new IllegalArgumentException("Two retention candidates have the id '" + candidate.id()
                        + "': each snapshot needs an id of its own, such as its base file name");
            }
        }
        List<RetentionCandidate> newestFirst = candidates.stream().sorted(NEWEST_FIRST).toList();

        Map<RetentionCandidate, List<String>> reasons = new LinkedHashMap<>();
        BiConsumer<RetentionCandidate, String> keep =
                (candidate, reason) -> reasons.computeIfAbsent(candidate, c -> new ArrayList<>()).add(reason);
        if (!newestFirst.isEmpty()) {
            keep.accept(newestFirst.get(0), "newest");
        }
        for (RetentionCandidate candidate : newestFirst) {
            if (candidate.pinned()) {
                keep.accept(candidate, "pinned");
            }
            if (isProtectedLabel(candidate.label())) {
                keep.accept(candidate, "protected label");
            }
            // younger than the floor (one from after now, a clock that was ahead, too): never deleted
            if (minimumAge.isPresent() && Duration.between(candidate.created(), now).compareTo(minimumAge.get()) < 0) {
                keep.accept(candidate, "younger than " + describe(minimumAge.get()) + " (minimum age)");
            }
        }
        for (Rule rule : rules) {
            rule.keep(newestFirst, now, keep);
        }

        List<CleanupPlan.Kept> kept = new ArrayList<>();
        List<RetentionCandidate> deleted = new ArrayList<>();
        Map<String, String> deletedBecause = new LinkedHashMap<>();
        for (RetentionCandidate candidate : newestFirst) {
            List<String> why = reasons.get(candidate);
            if (why == null) {
                deleted.add(candidate);
                deletedBecause.put(candidate.id(), deletionReason(candidate));
            } else {
                kept.add(new CleanupPlan.Kept(candidate, why));
            }
        }
        return new CleanupPlan(kept, deleted, deletedBecause);
    }

    /** Why a snapshot no rule keeps goes: named, or kept by none of the rules. */
    private String deletionReason(RetentionCandidate candidate) {
        boolean named = rules.stream().anyMatch(rule -> rule instanceof KeepAllBut but && but.ids().contains(candidate.id()));
        String floor = minimumAge.map(a -> ", older than the minimum age of " + describe(a))
                .orElse(", minimum age ignored");
        return (named ? "named" : "kept by no rule") + floor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionPolicy policy && rules.equals(policy.rules) && minimumAge.equals(policy.minimumAge);
    }

    @Override
    public int hashCode() {
        return rules.hashCode() * 31 + minimumAge.hashCode();
    }

    /**
     * The rules, such as {@code keep all within 7 days, one per day within 30 days, none deleted
     * younger than 7 days}.
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(rules.stream().map(Rule::describe).toList());
        parts.add(minimumAge.map(a -> "none deleted younger than " + describe(a)).orElse("minimum age ignored"));
        return String.join(", ", parts);
    }

    private static RetentionPolicy onePer(Bucket bucket, Optional<Duration> age) {
        return new RetentionPolicy(List.of(new OnePer(bucket, age)));
    }

    private static Duration requirePositive(String rule, Duration age) {
        Objects.requireNonNull(age, () -> rule + " needs an age, such as Duration.ofDays(7)");
        if (age.isZero() || age.isNegative()) {
            throw new IllegalArgumentException(rule + " needs a positive age, such as Duration.ofDays(7), got " + age);
        }
        return age;
    }

    /** Whether a snapshot is at most {@code age} old at {@code now}; a snapshot from after now is. */
    private static boolean within(RetentionCandidate candidate, Instant now, Duration age) {
        // Duration.between cannot overflow for two instants, now.minus(age) can for a very long age
        return Duration.between(candidate.created(), now).compareTo(age) <= 0;
    }

    /** An age for people to read: {@code 7 days}, {@code 1 day}, {@code 12 hours}, else ISO-8601. */
    private static String describe(Duration age) {
        long seconds = age.getSeconds();
        if (age.getNano() != 0) {
            return age.toString();
        }
        if (seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** One rule of a policy: calls {@code keep} with each snapshot it keeps and the reason. */
    private sealed interface Rule permits KeepLast, KeepLastCounting, KeepAllWithin, OnePer, KeepKindWithin,
            KeepLabelPrefixWithin, KeepAllBut {
        void keep(List<RetentionCandidate> newestFirst, Instant now, BiConsumer<RetentionCandidate, String> keep);

        String describe();
    }

    private record KeepLast(int n) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            newestFirst.stream().limit(n).forEach(c -> keep.accept(c, "among the last " + n));
        }

        @Override
        public String describe() {
            return "keep the last " + n;
        }
    }

    private record KeepLastCounting(int n, Predicate<RetentionCandidate> counted, String uncounted)
            implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            int seen = 0;
            for (RetentionCandidate candidate : newestFirst) {
                if (seen == n) {
                    return;
                }
                if (counted.test(candidate)) {
                    seen++;
                    keep.accept(candidate, "among the last " + n);
                } else {
                    keep.accept(candidate, "newer than the last " + n + " (" + uncounted + " not counted)");
                }
            }
        }

        @Override
        public String describe() {
            return "keep the last " + n + ", " + uncounted + " not counted";
        }
    }

    private record KeepAllWithin(Duration age) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            String reason = "within " + RetentionPolicy.describe(age);
            newestFirst.stream().filter(c -> within(c, now, age)).forEach(c -> keep.accept(c, reason));
        }

        @Override
        public String describe() {
            return "keep all within " + RetentionPolicy.describe(age);
        }
    }

    private record KeepKindWithin(RetentionKind kind, Duration age) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            String reason = kind + " within " + RetentionPolicy.describe(age);
            newestFirst.stream().filter(c -> c.retentionKind() == kind && within(c, now, age))
                    .forEach(c -> keep.accept(c, reason));
        }

        @Override
        public String describe() {
            return "keep " + kind + " within " + RetentionPolicy.describe(age);
        }
    }

    private record KeepLabelPrefixWithin(String prefix, Duration age) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            String reason = "label " + prefix + "* within " + RetentionPolicy.describe(age);
            newestFirst.stream().filter(c -> c.label().startsWith(prefix) && within(c, now, age))
                    .forEach(c -> keep.accept(c, reason));
        }

        @Override
        public String describe() {
            return "keep labels " + prefix + "* within " + RetentionPolicy.describe(age);
        }
    }

    /** Every snapshot but the named ones. */
    private record KeepAllBut(Set<String> ids) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            newestFirst.stream().filter(c -> !ids.contains(c.id())).forEach(c -> keep.accept(c, "not named"));
        }

        @Override
        public String describe() {
            return "delete only " + String.join(", ", new java.util.TreeSet<>(ids));
        }
    }

    /** The newest snapshot of each period that holds a snapshot within the age, or of every period. */
    private record OnePer(Bucket bucket, Optional<Duration> age) implements Rule {
        @Override
        public void keep(List<RetentionCandidate> newestFirst, Instant now,
                         BiConsumer<RetentionCandidate, String> keep) {
            Set<String> bucketsSeen = new HashSet<>();
            for (RetentionCandidate candidate : newestFirst) {
                boolean inAge = age.map(a -> within(candidate, now, a)).orElse(true);
                String name = bucket.name(candidate.created());
                // newest first, so the first snapshot seen of a period is its newest
                if (inAge && bucketsSeen.add(name)) {
                    keep.accept(candidate, "newest of " + name);
                }
            }
        }

        @Override
        public String describe() {
            String within = age.map(a -> " within " + RetentionPolicy.describe(a)).orElse(" forever");
            return "one per " + bucket.noun + within;
        }
    }

    /** The periods snapshots are grouped in, all in UTC, each with the name a reason shows. */
    private enum Bucket {
        /** A calendar day: {@code 2026-03-04}. */
        DAY("day") {
            @Override
            String name(LocalDate date) {
                return date.toString();
            }
        },
        /** An ISO week, Monday to Sunday, of its week-based year: {@code week 2026-W10}. */
        WEEK("week") {
            @Override
            String name(LocalDate date) {
                return String.format(Locale.ROOT, "week %d-W%02d",
                        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        },
        /** A calendar month: {@code 2025-11}. */
        MONTH("month") {
            @Override
            String name(LocalDate date) {
                return YearMonth.from(date).toString();
            }
        };

        private final String noun;

        Bucket(String noun) {
            this.noun = noun;
        }

        abstract String name(LocalDate date);

        String name(Instant instant) {
            return name(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
