package io.dbsnap.diff;

import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the names by which comments, security labels, owners and privileges point at their
 * object ({@code TABLE app.users}, {@code COLUMN app."User"."e-mail"},
 * {@code POLICY own_rows ON app.users}, {@code FUNCTION app.f(integer)}): as {@code COMMENT ON},
 * {@code ALTER ... OWNER TO} and {@code GRANT ... ON} name objects, with identifiers quoted by the
 * server's {@code quote_ident}. And writes those names for a subject, to find the annotations of
 * an object that was added or removed.
 */
final class TargetName {

    /** The keywords that start a target, longest first so that {@code TEXT SEARCH ...} wins over shorter ones. */
    private static final List<String> KEYWORDS = List.of("TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "MATERIALIZED VIEW", "FOREIGN TABLE", "EVENT TRIGGER", "LARGE OBJECT", "PUBLICATION", "CONSTRAINT",
            "COLLATION", "STATISTICS", "EXTENSION", "PROCEDURE", "AGGREGATE", "FUNCTION", "OPERATOR", "SEQUENCE",
            "TRIGGER", "SCHEMA", "COLUMN", "DOMAIN", "POLICY", "TABLE", "INDEX", "VIEW", "TYPE", "RULE", "CAST");

    /** Targets naming an object of the whole database, in no schema. */
    private static final List<String> DATABASE_WIDE = List.of("EXTENSION", "EVENT TRIGGER", "PUBLICATION", "LARGE OBJECT",
            "CAST");

    /** Targets naming an object on a table: {@code CONSTRAINT c ON s.t}. */
    private static final List<String> ON_TABLE = List.of("CONSTRAINT", "TRIGGER", "POLICY", "RULE");

    private TargetName() {
    }

    /** The schema the target's object is in, unquoted; empty for a database-wide object or a name not understood. */
    static String schemaOf(String target) {
        Optional<String> keyword = keywordOf(target);
        if (keyword.isEmpty() || DATABASE_WIDE.contains(keyword.get())) {
            return "";
        }
        String rest = target.substring(keyword.get().length() + 1);
        if (ON_TABLE.contains(keyword.get())) {
            // CONSTRAINT c ON s.t, or ON DOMAIN s.d for a domain's constraint
            int on = onOutsideQuotes(rest);
            if (on < 0) {
                return "";
            }
            rest = rest.substring(on + " ON ".length());
            rest = rest.startsWith("DOMAIN ") ? rest.substring("DOMAIN ".length()) : rest;
        }
        List<String> parts = identifiers(rest);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    /**
     * The table or view the target's object lives on: of {@code COLUMN s.t.c} and of
     * {@code CONSTRAINT c ON s.t} (also {@code TRIGGER}, {@code POLICY}, {@code RULE}) the
     * {@code s.t}; empty for other targets.
     */
    static Optional<QualifiedName> tableOf(String target) {
        // most targets name no table: tell them apart before looking for a keyword
        if (!target.startsWith("COLUMN ") && !target.contains(" ON ")) {
            return Optional.empty();
        }
        Optional<String> keyword = keywordOf(target);
        if (keyword.isEmpty()) {
            return Optional.empty();
        }
        String rest = target.substring(keyword.get().length() + 1);
        switch (keyword.get()) {
            case "COLUMN" -> {
                List<String> parts = identifiers(rest);
                return parts.size() == 3 ? Optional.of(new QualifiedName(parts.get(0), parts.get(1))) : Optional.empty();
            }
            case "CONSTRAINT", "TRIGGER", "POLICY", "RULE" -> {
                int on = onOutsideQuotes(rest);
                if (on < 0 || rest.startsWith("DOMAIN ", on + 4)) {
                    return Optional.empty();
                }
                List<String> parts = identifiers(rest.substring(on + 4));
                return parts.size() == 2 ? Optional.of(new QualifiedName(parts.get(0), parts.get(1))) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The names comments, owners and privileges use for {@code subject}'s object. */
    static List<String> of(Subject subject) {
        String qualified = Identifiers.qualified(subject.schema(), subject.name());
        String signature = "(" + subject.signature().orElse("") + ")";
        String onTable = subject.tableName().map(t -> " ON " + t.sql()).orElse("");
        List<String> names = new ArrayList<>();
        switch (subject.kind()) {
            case SCHEMA -> names.add("SCHEMA " + Identifiers.quote(subject.name()));
            case EXTENSION, PUBLICATION, EVENT_TRIGGER -> names.add(keyword(subject.kind()) + " " + Identifiers.quote(subject.name()));
            case CAST -> names.add("CAST (" + subject.name() + ")");
            case LARGE_OBJECT -> names.add("LARGE OBJECT " + subject.name());
            case TABLE -> names.add("TABLE " + qualified);
            // privileges name views and materialized views as tables
            case VIEW, MATERIALIZED_VIEW -> names.addAll(List.of(keyword(subject.kind()) + " " + qualified, "TABLE " + qualified));
            case FUNCTION, PROCEDURE -> names.add(keyword(subject.kind()) + " " + qualified + signature);
            // privileges name aggregates as functions
            // (an aggregate of no arguments is AGGREGATE f(*) but FUNCTION f())
            case AGGREGATE -> names.addAll(List.of("AGGREGATE " + qualified + (signature.equals("()") ? "(*)" : signature),
                    "FUNCTION " + qualified + signature));
            case ENUM, COMPOSITE_TYPE, RANGE_TYPE, BASE_TYPE -> names.add("TYPE " + qualified);
            case DOMAIN -> names.add("DOMAIN " + qualified);
            case COLUMN -> names.add("COLUMN " + subject.tableName().map(QualifiedName::sql).orElse("") + "."
                    + Identifiers.quote(subject.name()));
            case CONSTRAINT, TRIGGER, POLICY, RULE -> names.add(keyword(subject.kind()) + " " + Identifiers.quote(subject.name())
                    + onTable);
            case OPERATOR -> names.add("OPERATOR " + Identifiers.quote(subject.schema()) + "." + subject.name() + " "
                    + signature);
            case SEQUENCE, INDEX, COLLATION, STATISTICS, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION ->
                    names.add(keyword(subject.kind()) + " " + qualified);
            default -> { }
        }
        return names;
    }

    private static String keyword(SubjectKind kind) {
        return kind.name().replace('_', ' ');
    }

    private static Optional<String> keywordOf(String target) {
        for (String keyword : KEYWORDS) {
            if (target.startsWith(keyword) && target.length() > keyword.length() && target.charAt(keyword.length()) == ' ') {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** Where {@code " ON "} is in {@code text}, outside double quotes; -1 when it is not. */
    private static int onOutsideQuotes(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(" ON ", i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The dot-separated identifiers at the start of {@code text}, unquoted; reading stops at
     * anything else ({@code (} of a signature, a space).
     */
    static List<String> identifiers(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            StringBuilder part = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            part.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    part.append(c);
                    i++;
                }
            } else {
                while (i < text.length() && ".( ".indexOf(text.charAt(i)) < 0) {
                    part.append(text.charAt(i));
                    i++;
                }
            }
            parts.add(part.toString());
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        return parts;
    }
}
