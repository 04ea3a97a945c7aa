package io.dbsnap.dumper.internal.data;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.dumper.internal.sql.Literals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads where sequences stand, as {@code setval} statements that put them back exactly, with
 * {@code is_called} (a sequence set with {@code setval(s, 42, false)} hands out 42 next, not 43).
 * A sequence's state can only be read from the sequence itself, so the reads are joined into
 * one {@code UNION ALL} query per few hundred sequences rather than one query each.
 */
final class SequenceValues {

    private static final int PER_QUERY = 500;

    private SequenceValues() {
    }

    static List<String> setvalStatements(Connection connection, List<QualifiedName> sequences) throws SQLException {
        List<String> statements = new ArrayList<>(sequences.size());
        for (int from = 0; from < sequences.size(); from += PER_QUERY) {
            List<QualifiedName> chunk = sequences.subList(from, Math.min(sequences.size(), from + PER_QUERY));
            String sql = IntStream.range(0, chunk.size())
                    .mapToObj(i -> "SELECT " + i + " AS position, last_value, is_called FROM " + chunk.get(i).sql())
                    .collect(Collectors.joining(" UNION ALL ")) + " ORDER BY 1";
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    statements.add("SELECT pg_catalog.setval(" + Literals.string(chunk.get(rs.getInt("position")).sql()) + ", "
                            + rs.getLong("last_value") + ", " + rs.getBoolean("is_called") + ");");
                }
            }
        }
        return statements;
    }
}
