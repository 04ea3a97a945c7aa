package io.dbsnap.dumper;

/** SQL literals for scripts that run with {@code standard_conforming_strings = on}. */
final class Literals {

    private Literals() {
    }

    /** {@code it's} becomes {@code 'it''s'}; backslashes stay as they are. */
    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
