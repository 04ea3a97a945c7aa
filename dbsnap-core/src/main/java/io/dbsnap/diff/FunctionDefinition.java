package io.dbsnap.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A function's or procedure's definition as {@code pg_get_functiondef} renders it, taken apart so
 * that a diff can say which property changed:
 * <pre>
 * CREATE OR REPLACE FUNCTION app.f(a integer, b integer DEFAULT 1)
 *  RETURNS integer
 *  LANGUAGE plpgsql
 *  IMMUTABLE PARALLEL SAFE STRICT SECURITY DEFINER LEAKPROOF COST 5
 *  SET search_path TO 'pg_catalog'
 * AS $function$ ... $function$
 * </pre>
 * The first line, then one line per property, each indented by one space, then the body from
 * the first line that is not indented ({@code AS ...}, {@code BEGIN ATOMIC}, {@code RETURN ...}).
 * The property line lists only what differs from the defaults (volatile, parallel unsafe, called
 * on null input, security invoker, not leakproof, the default cost).
 *
 * @param arguments    the argument list with names, modes and defaults
 * @param returns      the result type; empty for a procedure
 * @param language     the language
 * @param transforms   the {@code TRANSFORM FOR TYPE} list
 * @param volatility   {@code volatile}, {@code stable} or {@code immutable}
 * @param parallel     {@code unsafe}, {@code restricted} or {@code safe}
 * @param strict       {@code STRICT} (returns NULL on NULL input)
 * @param security     {@code invoker} or {@code definer}
 * @param leakproof    {@code LEAKPROOF}
 * @param window       a window function
 * @param cost         {@code COST}, when not the default
 * @param rows         {@code ROWS}, when not the default
 * @param support      {@code SUPPORT} function
 * @param settings     the {@code SET name TO value} lines
 * @param body         the body as written after the properties
 */
record FunctionDefinition(String arguments, Optional<String> returns, String language, Optional<String> transforms,
                          String volatility, String parallel, boolean strict, String security, boolean leakproof,
                          boolean window, Optional<String> cost, Optional<String> rows, Optional<String> support,
                          List<String> settings, String body) {

    /** The definition taken apart, or empty when it is not in the form the class comment shows. */
    static Optional<FunctionDefinition> parse(String definition) {
        String[] lines = definition.split("\n", -1);
        if (!lines[0].startsWith("CREATE OR REPLACE FUNCTION ") && !lines[0].startsWith("CREATE OR REPLACE PROCEDURE ")) {
            return Optional.empty();
        }
        Optional<String> arguments = argumentsOf(lines[0]);
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        Builder builder = new Builder(arguments.get());
        int line = 1;
        while (line < lines.length && lines[line].startsWith(" ")) {
            if (!builder.property(lines[line].substring(1))) {
                return Optional.empty();
            }
            line++;
        }
        builder.body = String.join("\n", List.of(lines).subList(line, lines.length));
        return builder.language == null ? Optional.empty() : Optional.of(builder.build());
    }

    /**
     * The code of the body without its quotes ({@code AS $function$code$function$}) in SQL and
     * PL/pgSQL, where whitespace outside literals means nothing; the body as it is otherwise
     * (whitespace can matter in other languages, PL/Python's indentation for one).
     */
    String comparableBody() {
        if (!language.equals("sql") && !language.equals("plpgsql")) {
            return body;
        }
        if (body.startsWith("AS $")) {
            int tagEnd = body.indexOf('$', 4);
            if (tagEnd > 0) {
                String tag = body.substring(3, tagEnd + 1);
                if (body.endsWith(tag) && body.length() >= 3 + 2 * tag.length()) {
                    return SqlWhitespace.normalize(body.substring(tagEnd + 1, body.length() - tag.length()));
                }
            }
        }
        return SqlWhitespace.normalize(body);
    }

    /** What follows the name on the first line, without the parentheses; empty if they are not there. */
    private static Optional<String> argumentsOf(String firstLine) {
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                return firstLine.endsWith(")") ? Optional.of(firstLine.substring(i + 1, firstLine.length() - 1))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Collects the properties line by line. */
    private static final class Builder {

        private final String arguments;
        private Optional<String> returns = Optional.empty();
        private String language;
        private Optional<String> transforms = Optional.empty();
        private String volatility = "volatile";
        private String parallel = "unsafe";
        private boolean strict;
        private String security = "invoker";
        private boolean leakproof;
        private boolean window;
        private Optional<String> cost = Optional.empty();
        private Optional<String> rows = Optional.empty();
        private Optional<String> support = Optional.empty();
        private final List<String> settings = new ArrayList<>();
        private String body;

        Builder(String arguments) {
            this.arguments = arguments;
        }

        /** Takes one indented line; false when it is none the class comment knows. */
        boolean property(String line) {
            if (line.startsWith("RETURNS ")) {
                returns = Optional.of(line.substring("RETURNS ".length()));
            } else if (line.startsWith("LANGUAGE ")) {
                language = line.substring("LANGUAGE ".length());
            } else if (line.startsWith("TRANSFORM ")) {
                transforms = Optional.of(line.substring("TRANSFORM ".length()));
            } else if (line.startsWith("SET ")) {
                settings.add(line.substring("SET ".length()));
            } else {
                return options(line);
            }
            return true;
        }

        /** The line of options: {@code WINDOW IMMUTABLE PARALLEL SAFE STRICT SECURITY DEFINER LEAKPROOF COST 5 ROWS 10 SUPPORT f}. */
        private boolean options(String line) {
            String[] words = line.split(" ");
            for (int i = 0; i < words.length; i++) {
                switch (words[i]) {
                    case "WINDOW" -> window = true;
                    case "IMMUTABLE", "STABLE", "VOLATILE" -> volatility = words[i].toLowerCase(Locale.ROOT);
                    case "STRICT" -> strict = true;
                    case "LEAKPROOF" -> leakproof = true;
                    case "PARALLEL", "SECURITY", "COST", "ROWS" -> {
                        if (i + 1 == words.length) {
                            return false;
                        }
                        String value = words[++i];
                        switch (words[i - 1]) {
                            case "PARALLEL" -> parallel = value.toLowerCase(Locale.ROOT);
                            case "SECURITY" -> security = value.toLowerCase(Locale.ROOT);
                            case "COST" -> cost = Optional.of(value);
                            default -> rows = Optional.of(value);
                        }
                    }
                    case "SUPPORT" -> {
                        // the last option; a quoted name may hold spaces
                        support = Optional.of(String.join(" ", List.of(words).subList(i + 1, words.length)));
                        return support.get().length() > 0;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        }

        FunctionDefinition build() {
            return new FunctionDefinition(arguments, returns, language, transforms, volatility, parallel, strict, security,
                    leakproof, window, cost, rows, support, settings, body);
        }
    }
}
