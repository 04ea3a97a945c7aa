package io.dbsnap.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a change of a column's (or a domain's, or an attribute's) type, as {@code format_type}
 * renders types: a widening keeps every value ({@code integer} to {@code bigint},
 * {@code varchar(40)} to {@code text}), a narrowing may not ({@code numeric(12,2)} to
 * {@code numeric(8,2)}, {@code bigint} to {@code integer}, {@code timestamp} to {@code date}),
 * and any other change converts values to a type callers do not expect.
 */
final class TypeWidth {

    /** What a type change does to the values. */
    enum Verdict { WIDENED, NARROWED, OTHER }

    /** {@code head(modifiers)tail[]}: {@code timestamp(3) without time zone}, {@code numeric(12,2)}, {@code text[]}. */
    private static final Pattern FORMAT_TYPE = Pattern.compile(
            "(?<head>[^()\\[\\]]*?)(?:\\((?<modifiers>[0-9]+(?:,[0-9]+)?)\\))?(?<tail>[^()\\[\\]]*)(?<array>(?:\\[\\])*)");

    /** Whole-number types by width, with the decimal digits of their largest value. */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);

    /** Types with a length: a shorter one may not hold a value, none means unlimited. */
    private static final List<String> LENGTH_TYPES = List.of("character varying", "character", "bit varying", "bit");

    /** Date and time types whose modifier is the fractional seconds' precision, 6 when not given. */
    private static final List<String> PRECISION_TYPES = List.of("timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval");

    private TypeWidth() {
    }

    /** The risk of changing a type from {@code before} to {@code after}, none for a widening. */
    static Optional<Risk> riskOf(String before, String after) {
        return switch (judge(before, after)) {
            case WIDENED -> Optional.empty();
            case NARROWED -> Optional.of(Risk.TYPE_NARROWED);
            case OTHER -> Optional.of(Risk.TYPE_CHANGED);
        };
    }

    static Verdict judge(String before, String after) {
        if (before.equals(after)) {
            return Verdict.WIDENED;
        }
        Optional<Type> from = Type.parse(before);
        Optional<Type> to = Type.parse(after);
        if (from.isEmpty() || to.isEmpty() || !from.get().array().equals(to.get().array())) {
            return Verdict.OTHER;
        }
        return from.get().name().equals(to.get().name()) ? judgeModifiers(from.get(), to.get())
                : judgeNames(from.get(), to.get());
    }

    /** The same type with other modifiers: a length, a precision and scale, fractional seconds. */
    private static Verdict judgeModifiers(Type from, Type to) {
        String name = from.name();
        if (LENGTH_TYPES.contains(name)) {
            return atLeast(to.modifier(0), from.modifier(0));
        }
        if (name.equals("numeric")) {
            return numericHolds(to, from.modifier(0).orElse(Integer.MAX_VALUE), from.modifier(1).orElse(0),
                    from.modifiers().isEmpty());
        }
        if (PRECISION_TYPES.contains(name)) {
            return from.modifier(0).orElse(6) <= to.modifier(0).orElse(6) ? Verdict.WIDENED : Verdict.NARROWED;
        }
        return Verdict.OTHER;
    }

    private static Verdict judgeNames(Type from, Type to) {
        String a = from.name();
        String b = to.name();
        if (INTEGER_DIGITS.containsKey(a)) {
            int digits = INTEGER_DIGITS.get(a);
            if (INTEGER_DIGITS.containsKey(b)) {
                return INTEGER_DIGITS.get(b) >= digits ? Verdict.WIDENED : Verdict.NARROWED;
            }
            if (b.equals("numeric")) {
                return numericHolds(to, digits, 0, false);
            }
            // a double's 53-bit mantissa holds every integer, a real's 24 bits every smallint
            if (b.equals("double precision")) {
                return digits <= 10 ? Verdict.WIDENED : Verdict.NARROWED;
            }
            if (b.equals("real")) {
                return digits <= 5 ? Verdict.WIDENED : Verdict.NARROWED;
            }
        }
        if ((a.equals("numeric") || a.equals("real") || a.equals("double precision"))
                && (INTEGER_DIGITS.containsKey(b) || b.equals("real"))) {
            return Verdict.NARROWED;
        }
        if (a.equals("numeric") && b.equals("double precision")) {
            return Verdict.NARROWED;
        }
        if (a.equals("real") && b.equals("double precision")) {
            return Verdict.WIDENED;
        }
        if (LENGTH_TYPES.subList(0, 2).contains(a) || a.equals("text")) {
            if (b.equals("text")) {
                return Verdict.WIDENED;
            }
            if (b.equals("character varying")) {
                // text and an unlimited varchar hold the same values
                return atLeast(to.modifier(0), a.equals("text") ? Optional.empty() : from.modifier(0));
            }
        }
        if (a.equals("date") && b.startsWith("timestamp")) {
            return Verdict.WIDENED;
        }
        if (a.startsWith("timestamp") && b.equals("date")) {
            return Verdict.NARROWED;
        }
        return Verdict.OTHER;
    }

    /** Whether a length {@code to} holds every value of length {@code from}; empty is unlimited. */
    private static Verdict atLeast(Optional<Integer> to, Optional<Integer> from) {
        if (to.isEmpty()) {
            return Verdict.WIDENED;
        }
        return from.isPresent() && to.get() >= from.get() ? Verdict.WIDENED : Verdict.NARROWED;
    }

    /**
     * Whether {@code to}, a numeric, holds every value with {@code precision} digits of which
     * {@code scale} after the point ({@code unlimited} for a numeric without modifiers).
     */
    private static Verdict numericHolds(Type to, int precision, int scale, boolean unlimited) {
        if (to.modifiers().isEmpty()) {
            return Verdict.WIDENED;
        }
        if (unlimited) {
            return Verdict.NARROWED;
        }
        int toPrecision = to.modifier(0).orElseThrow();
        int toScale = to.modifier(1).orElse(0);
        return toScale >= scale && toPrecision - toScale >= precision - scale ? Verdict.WIDENED : Verdict.NARROWED;
    }

    /** A type as format_type renders it: name without modifiers, the modifiers, the array brackets. */
    private record Type(String name, List<Integer> modifiers, String array) {

        static Optional<Type> parse(String formatted) {
            Matcher m = FORMAT_TYPE.matcher(formatted);
            if (!m.matches()) {
                return Optional.empty();
            }
            List<Integer> modifiers = new ArrayList<>();
            if (m.group("modifiers") != null) {
                for (String part : m.group("modifiers").split(",")) {
                    modifiers.add(Integer.parseInt(part));
                }
            }
            return Optional.of(new Type((m.group("head") + m.group("tail")).strip(), modifiers, m.group("array")));
        }

        Optional<Integer> modifier(int index) {
            return index < modifiers.size() ? Optional.of(modifiers.get(index)) : Optional.empty();
        }
    }
}
