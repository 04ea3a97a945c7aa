package io.dbsnap.reset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each sequence stands ({@code last_value}, {@code is_called}), as pg_dump's {@code setval}
 * records it, read for all sequences in one query and put back with {@code setval}. Sequences are
 * cheap to compare, so they are compared rather than tracked.
 */
final class SequencePositions {

    record Position(long lastValue, boolean called) {
    }

    private SequencePositions() {
    }

    /** The position of each sequence, by name. */
    static Map<String, Position> read(Connection connection, List<String> sequences) throws SQLException {
        Map<String, Position> positions = new HashMap<>();
        if (sequences.isEmpty()) {
            return positions;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < sequences.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", last_value, is_called FROM ")
                    .append(sequences.get(i));
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                positions.put(sequences.get(rs.getInt(1)), new Position(rs.getLong(2), rs.getBoolean(3)));
            }
        }
        return positions;
    }

    /** The sequences that stand elsewhere than {@code expected} says, read in full. */
    static List<String> moved(Connection connection, Map<String, Position> expected) throws SQLException {
        return moved(expected, read(connection, List.copyOf(expected.keySet())));
    }

    /**
     * The same as {@link #moved(Connection, Map)}, cheaper: {@code pg_sequence_last_value} gives
     * the position of every called sequence in one light query (reading each sequence as a
     * relation costs a plan over all of them). It says nothing (NULL) of a sequence not called,
     * whose position {@code setval(..., false)} may still have moved, so those are read in full.
     */
    static List<String> movedQuickly(Connection connection, Map<String, Position> expected) throws SQLException {
        List<String> names = List.copyOf(expected.keySet());
        Map<String, Long> lastValues = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT u.name,"
                + " pg_catalog.pg_sequence_last_value(u.name::pg_catalog.regclass) FROM unnest(?::text[]) AS u(name)")) {
            s.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long value = rs.getLong(2);
                    lastValues.put(name, rs.wasNull() ? null : value);
                }
            }
        }
        List<String> moved = new ArrayList<>();
        Map<String, Position> notCalled = new HashMap<>();
        expected.forEach((name, position) -> {
            Long lastValue = lastValues.get(name);
            if (lastValue == null && !position.called()) {
                notCalled.put(name, position);
            } else if (lastValue == null || !position.called() || lastValue != position.lastValue()) {
                moved.add(name);
            }
        });
        if (!notCalled.isEmpty()) {
            moved.addAll(moved(connection, notCalled));
        }
        moved.sort(null);
        return moved;
    }

    /** The sequences that stand elsewhere than {@code expected} says. */
    private static List<String> moved(Map<String, Position> expected, Map<String, Position> now) {
        List<String> moved = new ArrayList<>();
        expected.forEach((name, position) -> {
            if (!position.equals(now.get(name))) {
                moved.add(name);
            }
        });
        moved.sort(null);
        return moved;
    }

    /**
     * Puts {@code names} back where {@code expected} says, as part of the reset's transaction.
     * {@code setval} alone is not rolled back with a transaction: a reset that failed or was killed
     * after it would leave the sequences put back and the rows not. {@code ALTER SEQUENCE ... RESTART}
     * first gives each sequence a new file within the transaction (PostgreSQL 10 and later), so the
     * {@code setval} that follows writes into a file that an abort throws away.
     */
    static void restore(Connection connection, List<String> names, Map<String, Position> expected) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            StringBuilder restarts = new StringBuilder();
            for (String name : names) {
                restarts.append("ALTER SEQUENCE ").append(name).append(" RESTART;");
            }
            s.execute(restarts.toString());
        }
        Object[] sequences = new Object[names.size()];
        Object[] values = new Object[names.size()];
        Object[] called = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Position position = expected.get(names.get(i));
            sequences[i] = names.get(i);
            values[i] = position.lastValue();
            called[i] = position.called();
        }
        // one round trip for all of them (unnest of several arrays is FROM-clause syntax, not a pg_catalog function)
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.setval(u.s::pg_catalog.regclass, u.v, u.c)"
                + " FROM unnest(?::text[], ?::bigint[], ?::boolean[]) AS u(s, v, c)")) {
            s.setArray(1, connection.createArrayOf("text", sequences));
            s.setArray(2, connection.createArrayOf("bigint", values));
            s.setArray(3, connection.createArrayOf("boolean", called));
            s.executeQuery().close();
        }
    }
}
