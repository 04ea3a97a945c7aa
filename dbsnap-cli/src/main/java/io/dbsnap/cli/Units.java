package io.dbsnap.cli;

import java.time.Duration;
import java.util.Locale;

/** Sizes, ages, rates and durations as people read them in listings and progress lines. */
final class Units {

    private static final String[] BYTE_UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private Units() {
    }

    /** {@code 512 B}, {@code 45.2 kB}, {@code 1.3 GB}: units of 1024, named as PostgreSQL's pg_size_pretty names them. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1023.95 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** How long ago, in its largest whole unit: {@code just now}, {@code 5m}, {@code 3h}, {@code 12d}, {@code 2y}. */
    static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h";
        }
        long days = seconds / 86_400;
        return days < 730 ? days + "d" : days / 365 + "y";
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** {@code 0.4 s}, {@code 12.0 s}, {@code 3:05}. */
    static String elapsed(Duration duration) {
        return duration.toMillis() < 60_000 ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
                : clock(duration);
    }

    /** {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
