package io.dbsnap.dumper;

import io.dbsnap.catalog.QualifiedName;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tables, views and sequences a dump keeps, by patterns like pg_dump's {@code -t} and
 * {@code -T}: {@code schema.name} or {@code name} (any schema), where {@code *} stands for any
 * characters and {@code ?} for one. Names are matched as they are, case-sensitively, without quotes.
 *
 * @param include when not empty, only relations matching one of these are kept
 * @param exclude relations matching one of these are left out, with what depends on them
 */
record RelationPatterns(List<String> include, List<String> exclude) {

    RelationPatterns {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        for (String pattern : include) {
            check(pattern);
        }
        for (String pattern : exclude) {
            check(pattern);
        }
    }

    static RelationPatterns all() {
        return new RelationPatterns(List.of(), List.of());
    }

    boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    boolean keeps(QualifiedName relation) {
        return (include.isEmpty() || include.stream().anyMatch(p -> matches(p, relation)))
                && exclude.stream().noneMatch(p -> matches(p, relation));
    }

    private static boolean matches(String pattern, QualifiedName name) {
        int dot = pattern.indexOf('.');
        return dot < 0 ? glob(pattern).matcher(name.name()).matches()
                : glob(pattern.substring(0, dot)).matcher(name.schema()).matches()
                && glob(pattern.substring(dot + 1)).matcher(name.name()).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void check(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.indexOf('.') != pattern.lastIndexOf('.')) {
            throw new IllegalArgumentException("Table pattern '" + pattern
                    + "' is not of the form name or schema.name (with * and ? as wildcards)");
        }
    }
}
