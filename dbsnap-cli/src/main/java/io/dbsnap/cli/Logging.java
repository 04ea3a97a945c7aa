package io.dbsnap.cli;

/**
 * Sets up slf4j-simple, the command's log backend, before the first logger exists: library
 * messages on stderr, warnings and errors only by default (the command prints its own report),
 * every debug message with {@code -v}.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean verbose) {
        setIfAbsent("logFile", "System.err");
        setIfAbsent("defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", verbose ? "true" : "false");
        setIfAbsent("showLogName", "false");
        setIfAbsent("showDateTime", verbose ? "true" : "false");
        setIfAbsent("dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("levelInBrackets", "false");
        setIfAbsent("warnLevelString", "WARNING");
    }

    /** A -D on the java command line still wins, for whoever needs other settings. */
    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
