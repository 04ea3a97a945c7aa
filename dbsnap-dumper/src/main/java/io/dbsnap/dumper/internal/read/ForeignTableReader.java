package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.ForeignTable;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads foreign tables: as tables, with their server and the options of the table and of its columns. */
public final class ForeignTableReader {

    private static final String OPTIONS = "ARRAY(SELECT pg_catalog.quote_ident(o.option_name) || ' '"
            + " || pg_catalog.quote_literal(o.option_value) FROM pg_catalog.pg_options_to_table(%s) o) AS options";

    private ForeignTableReader() {
    }

    private record Server(String name, List<String> options) {
    }

    public static List<ForeignTable> read(CatalogQuery query, SequenceReader.Sequences sequences) throws SQLException {
        String foreign = " FROM pg_catalog.pg_foreign_table ft JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL;
        Map<QualifiedName, Server> servers = new HashMap<>();
        query.list("SELECT n.nspname, c.relname, s.srvname, " + OPTIONS.formatted("ft.ftoptions")
                        + foreign.replace(" WHERE", " JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver WHERE"),
                rs -> servers.put(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                        new Server(rs.getString("srvname"), strings(rs, "options"))));
        Map<QualifiedName, List<ForeignTable.ColumnOptions>> columns = new HashMap<>();
        query.list("SELECT n.nspname, c.relname, a.attname, " + OPTIONS.formatted("a.attfdwoptions")
                        + foreign.replace(" WHERE", " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attfdwoptions IS NOT NULL AND")
                        + " ORDER BY c.oid, a.attnum",
                rs -> columns.computeIfAbsent(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                                k -> new ArrayList<>())
                        .add(new ForeignTable.ColumnOptions(rs.getString("attname"), strings(rs, "options"))));
        return TableReader.foreign(query, sequences).stream().map((Table t) -> new ForeignTable(t,
                servers.get(t.name()).name(), servers.get(t.name()).options(), columns.getOrDefault(t.name(), List.of())))
                .toList();
    }
}
