package io.dbsnap.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages as people give them on the command line: {@code 30d}, {@code 12h}, {@code 90m}, {@code 2w}. */
final class Ages {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([wdhm])");

    private Ages() {
    }

    /**
     * The age {@code text} says.
     *
     * @throws UsageException naming {@code from} when it is not a positive number with a unit
     */
    static Duration parse(String text, String from) {
        Matcher matcher = AGE.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new UsageException(from + ": '" + text + "' is not an age. Give a positive number and a unit:"
                    + " w (weeks), d (days), h (hours) or m (minutes), such as 30d.");
        }
        long n = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "w" -> Duration.ofDays(7 * n);
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
