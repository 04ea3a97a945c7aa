package io.dbsnap.dumper.internal.data;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Table;
import io.dbsnap.dumper.internal.plan.DependencyOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which tables' rows are written: referenced tables before the tables whose foreign
 * keys point at them, so that a data-only snapshot loads into a schema whose foreign keys are in
 * place. (In a full snapshot the keys come after the data, and any order would do.) Circular
 * references cannot be ordered; pg_dump has the same limit.
 */
final class DataOrder {

    private DataOrder() {
    }

    static List<Table> sort(Connection connection, List<Table> tables) throws SQLException {
        Map<ObjectId, Table> byId = new HashMap<>();
        tables.forEach(t -> byId.put(t.id(), t));
        List<Dependency> references = new ArrayList<>();
        String sql = "SELECT cn.nspname AS table_schema, c.relname AS table_name, rn.nspname AS referenced_schema,"
                + " r.relname AS referenced_name FROM pg_catalog.pg_constraint co"
                + " JOIN pg_catalog.pg_class c ON c.oid = co.conrelid JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_class r ON r.oid = co.confrelid JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace"
                + " WHERE co.contype = 'f' AND co.conrelid <> co.confrelid";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                references.add(new Dependency(ObjectId.of(ObjectKind.TABLE, rs.getString("table_schema"), rs.getString("table_name")),
                        ObjectId.of(ObjectKind.TABLE, rs.getString("referenced_schema"), rs.getString("referenced_name"))));
            }
        }
        return DependencyOrder.sort(tables.stream().map(Table::id).toList(), references).stream().map(byId::get).toList();
    }
}
