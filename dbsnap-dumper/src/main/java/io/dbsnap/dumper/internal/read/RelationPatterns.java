package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tables, views and sequences a dump keeps, by patterns like pg_dump's {@code -t} and
 * {@code -T}: {@code schema.name} or {@code name} (any schema), where {@code *} stands for any
 * characters and {@code ?} for one. Names are matched as they are, case-sensitively, without quotes.
 * Each pattern is compiled once, as it is matched against every table.
 */
public final class RelationPatterns {

    /** A pattern compiled: its schema part (empty: any schema) and its name part. */
    private record Glob(Pattern schema, Pattern name) {

        static Glob of(String pattern) {
            if (pattern == null || pattern.isBlank() || pattern.indexOf('.') != pattern.lastIndexOf('.')) {
                throw new IllegalArgumentException("Table pattern '" + pattern
                        + "' is not of the form name or schema.name (with * and ? as wildcards)");
            }
            int dot = pattern.indexOf('.');
            return dot < 0 ? new Glob(null, regex(pattern))
                    : new Glob(regex(pattern.substring(0, dot)), regex(pattern.substring(dot + 1)));
        }

        boolean matches(QualifiedName relation) {
            return (schema == null || schema.matcher(relation.schema()).matches()) && name.matcher(relation.name()).matches();
        }

        private static Pattern regex(String glob) {
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
    }

    private final List<String> include;
    private final List<String> exclude;
    private final List<Glob> includeGlobs;
    private final List<Glob> excludeGlobs;

    /**
     * @param include when not empty, only relations matching one of these are kept
     * @param exclude relations matching one of these are left out, with what depends on them
     * @throws IllegalArgumentException for a pattern that is not {@code name} or {@code schema.name}
     */
    public RelationPatterns(List<String> include, List<String> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.includeGlobs = this.include.stream().map(Glob::of).toList();
        this.excludeGlobs = this.exclude.stream().map(Glob::of).toList();
    }

    public static RelationPatterns all() {
        return new RelationPatterns(List.of(), List.of());
    }

    public List<String> include() {
        return include;
    }

    public List<String> exclude() {
        return exclude;
    }

    boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    public boolean keeps(QualifiedName relation) {
        return (includeGlobs.isEmpty() || includeGlobs.stream().anyMatch(g -> g.matches(relation)))
                && excludeGlobs.stream().noneMatch(g -> g.matches(relation));
    }
}
