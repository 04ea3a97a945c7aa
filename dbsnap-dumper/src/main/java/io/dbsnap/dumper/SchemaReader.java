package io.dbsnap.dumper;

import io.dbsnap.catalog.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the dumped schemas. */
final class SchemaReader {

    private SchemaReader() {
    }

    static List<Schema> read(Connection connection, SchemaFilter filter) throws SQLException {
        List<Schema> schemas = new ArrayList<>();
        try (PreparedStatement s = filter.prepare(connection,
                "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL + " ORDER BY n.nspname COLLATE \"C\"");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                schemas.add(new Schema(rs.getString(1)));
            }
        }
        return schemas;
    }
}
