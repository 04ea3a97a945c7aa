package io.dbsnap.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RetentionPolicy} decided for a set of snapshots: which are kept, each with the
 * reasons it is kept, and which would be deleted. A plan deletes nothing itself; a cleanup's dry
 * run shows it ({@link #describe()}), applying it deletes the {@link #deleted()} snapshots.
 *
 * @param kept    the snapshots kept, newest first
 * @param deleted the snapshots to delete, newest first
 * @param deletionReasons why each deleted snapshot goes, by id, such as {@code kept by no rule,
 *                older than the minimum age of 7 days} or {@code named, ...}
 */
public record CleanupPlan(List<Kept> kept, List<RetentionCandidate> deleted, Map<String, String> deletionReasons) {

    /** A plan whose deletions give no reason. */
    public CleanupPlan(List<Kept> kept, List<RetentionCandidate> deleted) {
        this(kept, deleted, Map.of());
    }

    /**
     * A snapshot that stays, and why: every rule that keeps it, in a fixed order — {@code newest},
     * {@code pinned}, {@code protected label} first, then the policy's rules in the order they were
     * composed, such as {@code within 7 days}, {@code newest of 2026-03-04},
     * {@code newest of week 2026-W10}, {@code newest of 2025-11}, {@code among the last 5}.
     *
     * @param snapshot the snapshot kept
     * @param reasons  why it is kept; never empty
     */
    public record Kept(RetentionCandidate snapshot, List<String> reasons) {

        public Kept {
            Objects.requireNonNull(snapshot, "snapshot");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A kept snapshot needs at least one reason: " + snapshot.id());
            }
        }

        /** The reasons as one line, such as {@code within 7 days, newest of 2026-03-04}. */
        public String reason() {
            return String.join(", ", reasons);
        }
    }

    public CleanupPlan {
        kept = List.copyOf(kept);
        deleted = List.copyOf(deleted);
        deletionReasons = Map.copyOf(deletionReasons);
    }

    /** The ids of the kept snapshots, newest first. */
    public List<String> keptIds() {
        return kept.stream().map(k -> k.snapshot().id()).toList();
    }

    /** The ids of the snapshots to delete, newest first. */
    public List<String> deletedIds() {
        return deleted.stream().map(RetentionCandidate::id).toList();
    }

    /**
     * The plan for people to read, as a dry run prints it: one line per snapshot, newest first,
     * {@code keep} with its reasons or {@code delete}, then a count.
     * <pre>
     * keep    20261121_120000_auto  newest, younger than 7 days (minimum age)
     * keep    20240101_000000_baseline  protected label
     * delete  20231231_180000_auto  kept by no rule, older than the minimum age of 7 days
     * 2 kept, 1 to delete
     * </pre>
     */
    public String describe() {
        record Line(RetentionCandidate snapshot, String text) {
        }
        List<Line> lines = new ArrayList<>();
        kept.forEach(k -> lines.add(new Line(k.snapshot(), "keep    " + k.snapshot().id() + "  " + k.reason())));
        deleted.forEach(d -> lines.add(new Line(d, "delete  " + d.id()
                + (deletionReasons.containsKey(d.id()) ? "  " + deletionReasons.get(d.id()) : ""))));
        lines.sort(Comparator.comparing(Line::snapshot, RetentionPolicy.NEWEST_FIRST));
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.append(kept.size()).append(" kept, ").append(deleted.size()).append(" to delete\n").toString();
    }
}
