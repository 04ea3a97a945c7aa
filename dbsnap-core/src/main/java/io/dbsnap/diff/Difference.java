package io.dbsnap.diff;

import java.util.Objects;
import java.util.Optional;

/**
 * One aspect of an object that differs between the two catalogs, with its value on each side as
 * text. An aspect that only one side has (a default added, an enum value removed, a privilege
 * granted) has no value on the other side.
 *
 * @param aspect what differs, e.g. {@code type}, {@code not null}, {@code default}, {@code body},
 *               {@code value} (of an enum), {@code privileges of app_reader}
 * @param before the value in the first catalog; empty when the aspect is new
 * @param after  the value in the second catalog; empty when the aspect is gone
 */
public record Difference(String aspect, Optional<String> before, Optional<String> after) {

    public Difference {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("the aspect '" + aspect + "' differs, so at least one side has a value");
        }
    }

    /** An aspect with a value on both sides. */
    public static Difference of(String aspect, String before, String after) {
        return new Difference(aspect, Optional.of(before), Optional.of(after));
    }

    /** An aspect only the second catalog has. */
    public static Difference added(String aspect, String after) {
        return new Difference(aspect, Optional.empty(), Optional.of(after));
    }

    /** An aspect only the first catalog has. */
    public static Difference removed(String aspect, String before) {
        return new Difference(aspect, Optional.of(before), Optional.empty());
    }

    /** Whether either value spans lines or is too long to read inline, as definitions are. */
    public boolean isLong() {
        return isLong(before) || isLong(after);
    }

    private static boolean isLong(Optional<String> value) {
        return value.map(v -> v.indexOf('\n') >= 0 || v.length() > 80).orElse(false);
    }

    /**
     * The difference in one line: {@code type: integer → bigint}, {@code value added: 'happy'},
     * {@code default removed: 0}; for long values only which aspect changed.
     */
    @Override
    public String toString() {
        if (before.isEmpty()) {
            return aspect + " added" + (isLong() ? "" : ": " + after.get());
        }
        if (after.isEmpty()) {
            return aspect + " removed" + (isLong() ? "" : ": " + before.get());
        }
        return isLong() ? aspect + " changed" : aspect + ": " + before.get() + " → " + after.get();
    }
}
