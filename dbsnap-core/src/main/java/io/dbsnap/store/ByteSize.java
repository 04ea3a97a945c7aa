package io.dbsnap.store;

import java.util.Locale;

/** A size for people to read: {@code 512 B}, {@code 12.3 MB}; units of 1024, named as PostgreSQL's {@code pg_size_pretty} does. */
final class ByteSize {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSize() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        // 1023.96 kB would print as "1024.0 kB": move up a unit where the rounded value would
        while (value >= 1023.95 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
