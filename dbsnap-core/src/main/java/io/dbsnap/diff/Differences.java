package io.dbsnap.diff;

import io.dbsnap.catalog.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects what differs about one object present in both catalogs, aspect by aspect, and the
 * risks of those differences; values become text as reports show them.
 */
final class Differences {

    private final List<Difference> differences = new ArrayList<>();
    private final Set<Risk> risks = new LinkedHashSet<>();

    /** Compares two values of an aspect by equality. */
    void value(String aspect, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            add(aspect, text(before), text(after));
        }
    }

    /** Compares two SQL texts of an aspect, whitespace outside literals aside (see {@link SqlWhitespace}). */
    void definition(String aspect, String before, String after) {
        if (!SqlWhitespace.same(before, after)) {
            add(Difference.of(aspect, before, after));
        }
    }

    /** Like {@link #definition(String, String, String)} for texts that may be absent. */
    void definition(String aspect, Optional<String> before, Optional<String> after) {
        if (before.isPresent() && after.isPresent()) {
            definition(aspect, before.get(), after.get());
        } else {
            value(aspect, before, after);
        }
    }

    /**
     * Compares two lists as sets of members, each member added or removed a difference of its
     * own ({@code value added: 'happy'}); when only the order differs, that is one difference
     * ({@code value order}).
     */
    void members(String aspect, List<String> before, List<String> after) {
        Set<String> kept = new LinkedHashSet<>(after);
        before.forEach(kept::remove);
        Set<String> gone = new LinkedHashSet<>(before);
        after.forEach(gone::remove);
        gone.forEach(member -> add(Difference.removed(aspect, member)));
        kept.forEach(member -> add(Difference.added(aspect, member)));
        if (gone.isEmpty() && kept.isEmpty() && !before.equals(after)) {
            add(Difference.of(aspect + " order", String.join(", ", before), String.join(", ", after)));
        }
    }

    void add(Difference difference) {
        differences.add(difference);
    }

    void risk(Risk risk) {
        risks.add(risk);
    }

    boolean isEmpty() {
        return differences.isEmpty();
    }

    List<Difference> list() {
        return List.copyOf(differences);
    }

    List<Risk> risks() {
        return List.copyOf(risks);
    }

    private void add(String aspect, Optional<String> before, Optional<String> after) {
        if (before.isEmpty() && after.isEmpty()) {
            // an empty list against an absent value: nothing a reader could tell apart
            return;
        }
        differences.add(new Difference(aspect, before, after));
    }

    /**
     * A value as reports show it: absent for an empty {@code Optional} or list, a list's members
     * joined by commas, a name as SQL, an enum constant in lower case.
     */
    static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Optional<?> optional) {
            return optional.flatMap(Differences::text);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? Optional.empty()
                    : Optional.of(list.stream().map(v -> text(v).orElse("")).collect(Collectors.joining(", ")));
        }
        if (value instanceof QualifiedName name) {
            return Optional.of(name.sql());
        }
        if (value instanceof Enum<?> constant) {
            return Optional.of(constant.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return Optional.of(value.toString());
    }
}
