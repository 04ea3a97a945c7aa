package io.dbsnap.dumper.internal.read;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The settings pg_dump gives its session, set for the dump's transaction only, so that the script
 * does not depend on how the caller's connection happens to be configured.
 */
public final class DumpSession {

    private static final List<String> SETTINGS = List.of(
            // dates and intervals in the forms every server reads back, whatever its own DateStyle;
            // this covers the constants in column defaults and view definitions as well as the rows
            "SET LOCAL DateStyle = ISO",
            "SET LOCAL IntervalStyle = postgres",
            // floats in their shortest exact form: with fewer digits, a restored value would differ
            "SET LOCAL extra_float_digits = 3",
            // a timeout meant for the application's queries must not cut a dump short
            "SET LOCAL statement_timeout = 0",
            "SET LOCAL idle_in_transaction_session_timeout = 0");

    private DumpSession() {
    }

    /** Applies the settings to the transaction {@code connection} is in; they end with it. */
    public static void configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String setting : SETTINGS) {
                s.execute(setting);
            }
        }
    }
}
