package io.dbsnap.restore.script;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows {@code SET standard_conforming_strings} in the script, as psql follows the server's
 * setting: with it off, a backslash escapes the next character in {@code '...'} too. pg_dump
 * writes the source server's setting at the top of every dump.
 */
final class StandardStrings {

    private static final Pattern SET = Pattern.compile(
            "(?is)(?:set\\s+(?:session\\s+|local\\s+)?standard_conforming_strings\\s*(?:=|\\s+to\\s+)\\s*'?(\\w+)'?"
                    + "|(reset)\\s+standard_conforming_strings)\\s*;?");

    private StandardStrings() {
    }

    /** The value a statement sets, if it is a SET or RESET of standard_conforming_strings. */
    static Optional<Boolean> setBy(String sql) {
        char first = sql.isEmpty() ? ' ' : sql.charAt(0);
        if (first != 's' && first != 'S' && first != 'r' && first != 'R') {
            return Optional.empty();
        }
        Matcher m = SET.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(true);
        }
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "default" -> Optional.of(true);
            case "off", "false", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
