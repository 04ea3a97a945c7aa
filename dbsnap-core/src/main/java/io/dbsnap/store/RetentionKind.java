package io.dbsnap.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of snapshot a {@link RetentionPolicy} can keep for ages of their own
 * ({@link RetentionPolicy#keepKindWithin}), told from what the metadata records ({@link SnapshotKind})
 * and, for snapshots taken on request, from the label's prefix:
 * <ul>
 * <li>{@link #SAFETY}: written by a restore or rollback before it replaced the database
 * (kind {@code safety}, label {@code before_restore});</li>
 * <li>{@link #PRE_MIGRATION}: written by {@code migrate} before or after the migration, or a label
 * starting {@code pre_migration} or {@code pre-migration};</li>
 * <li>{@link #NIGHTLY}: a label starting {@code nightly};</li>
 * <li>{@link #MANUAL}: every other snapshot taken on request.</li>
 * </ul>
 */
public enum RetentionKind {
    MANUAL("manual"),
    PRE_MIGRATION("pre-migration"),
    SAFETY("safety"),
    NIGHTLY("nightly");

    private final String text;

    RetentionKind(String text) {
        this.text = text;
    }

    /** As people and the command line write it: {@code manual}, {@code pre-migration}, {@code safety}, {@code nightly}. */
    public String text() {
        return text;
    }

    /** The kind written as {@link #text()} (case-insensitive; {@code _} for {@code -} too). */
    public static Optional<RetentionKind> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.text.equals(wanted)).findFirst();
    }

    static RetentionKind of(RetentionCandidate candidate) {
        String label = candidate.label().toLowerCase(Locale.ROOT);
        return switch (candidate.kind()) {
            case SAFETY -> SAFETY;
            case BEFORE_MIGRATION, AFTER_MIGRATION -> PRE_MIGRATION;
            default -> {
                if (label.equals("before_restore")) {
                    yield SAFETY;
                }
                if (label.startsWith("pre_migration") || label.startsWith("pre-migration")) {
                    yield PRE_MIGRATION;
                }
                yield label.startsWith("nightly") ? NIGHTLY : MANUAL;
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
