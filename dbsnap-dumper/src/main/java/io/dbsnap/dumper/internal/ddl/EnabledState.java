package io.dbsnap.dumper.internal.ddl;

/** The state of a trigger, rule or event trigger, as {@code ALTER ...} words set it. */
final class EnabledState {

    private EnabledState() {
    }

    /**
     * The words for {@code code} ({@code O} origin, the default; {@code D} disabled; {@code R}
     * replica; {@code A} always), or null for the default.
     */
    static String words(String code) {
        return switch (code) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> null;
        };
    }
}
