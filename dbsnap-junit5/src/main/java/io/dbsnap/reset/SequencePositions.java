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
    static Map<String, Position> read(Connection connection, List<Relation> sequences) throws SQLException {
        Map<String, Position> positions = new HashMap<>();
        if (sequences.isEmpty()) {
            return positions;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < sequences.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", last_value, is_called FROM ")
                    .append(sequences.get(i).name());
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                positions.put(sequences.get(rs.getInt(1)).name(), new Position(rs.getLong(2), rs.getBoolean(3)));
            }
        }
        return positions;
    }

    /** The sequences that stand elsewhere than {@code expected} says. */
    static List<String> moved(Map<String, Position> expected, Map<String, Position> now) {
        List<String> moved = new ArrayList<>();
        expected.forEach((name, position) -> {
            if (!position.equals(now.get(name))) {
                moved.add(name);
            }
        });
        moved.sort(null);
        return moved;
    }

    /** Puts {@code names} back where {@code expected} says; setval is not rolled back with the transaction. */
    static void restore(Connection connection, List<String> names, Map<String, Position> expected) throws SQLException {
        if (names.isEmpty()) {
            return;
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
