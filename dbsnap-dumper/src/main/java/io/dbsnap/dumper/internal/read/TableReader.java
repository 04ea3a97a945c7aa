package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.qualifiedName;
import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads tables (ordinary, partitioned, partitions) with their columns and constraints: three
 * bulk queries whatever the number of tables, joined in memory by table OID.
 */
public final class TableReader {

    /** The relation kinds of tables: ordinary and partitioned. */
    private static final String TABLE_KINDS = "('r', 'p')";

    private static String tables(String kinds) {
        return " FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN " + kinds + " AND" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND"
                + SchemaFilter.SQL;
    }

    private TableReader() {
    }

    public static List<Table> read(CatalogQuery query, SequenceReader.Sequences sequences) throws SQLException {
        return read(query, sequences, TABLE_KINDS);
    }

    /** The foreign tables, read as tables: their columns, check constraints and parents. */
    static List<Table> foreign(CatalogQuery query, SequenceReader.Sequences sequences) throws SQLException {
        return read(query, sequences, "('f')");
    }

    private static List<Table> read(CatalogQuery query, SequenceReader.Sequences sequences, String kinds) throws SQLException {
        Map<Long, List<Column>> columns = readColumns(query, sequences, kinds);
        Map<Long, List<Constraint>> constraints = readConstraints(query, kinds);
        return query.list("SELECT c.oid, n.nspname, c.relname, c.relpersistence = 'u' AS unlogged,"
                        // options in the catalog's order, which is the order they were set in
                        + " ARRAY(SELECT x FROM unnest(c.reloptions) WITH ORDINALITY AS o(x, i) ORDER BY i)"
                        + " || ARRAY(SELECT 'toast.' || x FROM pg_catalog.pg_class tc,"
                        + "    unnest(tc.reloptions) WITH ORDINALITY AS o(x, i) WHERE tc.oid = c.reltoastrelid ORDER BY i) AS options,"
                        + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,"
                        + " (SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of_schema,"
                        + " (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of_name,"
                        + " CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,"
                        + " ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
                        + "    WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS parent_schemas,"
                        + " ARRAY(SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS parent_names,"
                        + " c.relreplident,"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisreplident) AS replica_identity_index,"
                        + " c.relrowsecurity, c.relforcerowsecurity,"
                        + " (SELECT x.nspname FROM pg_catalog.pg_type o JOIN pg_catalog.pg_namespace x ON x.oid = o.typnamespace"
                        + "    WHERE o.oid = c.reloftype) AS of_type_schema,"
                        + " (SELECT o.typname FROM pg_catalog.pg_type o WHERE o.oid = c.reloftype) AS of_type_name,"
                        + " (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap') AS access_method,"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisclustered) AS clustered_on"
                        + tables(kinds) + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new Table(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                        columns.getOrDefault(rs.getLong("oid"), List.of()), constraints.getOrDefault(rs.getLong("oid"), List.of()),
                        rs.getBoolean("unlogged"), strings(rs, "options"), Optional.ofNullable(rs.getString("partition_key")),
                        qualifiedName(rs, "partition_of"), Optional.ofNullable(rs.getString("partition_bound")),
                        qualifiedName(rs, "of_type"), parents(rs), rs.getString("relreplident"),
                        Optional.ofNullable(rs.getString("replica_identity_index")), rs.getBoolean("relrowsecurity"),
                        rs.getBoolean("relforcerowsecurity"), Optional.ofNullable(rs.getString("access_method")),
                        Optional.ofNullable(rs.getString("clustered_on"))));
    }

    private static List<QualifiedName> parents(ResultSet rs) throws SQLException {
        List<String> schemas = strings(rs, "parent_schemas");
        List<String> names = strings(rs, "parent_names");
        List<QualifiedName> parents = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            parents.add(new QualifiedName(schemas.get(i), names.get(i)));
        }
        return parents;
    }

    private static Map<Long, List<Column>> readColumns(CatalogQuery query, SequenceReader.Sequences sequences,
                                                       String kinds) throws SQLException {
        String generated = query.atLeast(12) ? "a.attgenerated" : "''";
        String compression = query.atLeast(14) ? "NULLIF(a.attcompression, '')" : "NULL";
        // From PostgreSQL 18 on, NOT NULL is a named constraint; the name is kept when it is not
        // the server's own choice (table_column_not_null).
        String notNullName = query.atLeast(18) ? "(SELECT nn.conname FROM pg_catalog.pg_constraint nn"
                + " WHERE nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey = ARRAY[a.attnum]::pg_catalog.int2[]"
                + " AND nn.conname <> c.relname || '_' || a.attname || '_not_null')" : "NULL";
        // attstattarget is -1 for "default" before PostgreSQL 17 and NULL from 17 on.
        return query.groupedByOid(
                "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT x.nspname FROM pg_catalog.pg_collation o JOIN pg_catalog.pg_namespace x"
                        + "  ON x.oid = o.collnamespace WHERE o.oid = a.attcollation) END AS collation_schema,"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT o.collname FROM pg_catalog.pg_collation o WHERE o.oid = a.attcollation) END AS collation_name,"
                        + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_value, " + generated
                        + " AS generated, a.attidentity, a.attislocal, NULLIF(a.attstattarget, -1) AS statistics_target,"
                        + " CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage, " + compression
                        + " AS compression, " + notNullName + " AS not_null_name,"
                        + " ARRAY(SELECT x FROM unnest(a.attoptions) WITH ORDINALITY AS o(x, i) ORDER BY i) AS options"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN " + kinds + " AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> {
                    Column.Identity identity = Column.Identity.fromCatalog(rs.getString("attidentity"));
                    int statistics = rs.getInt("statistics_target");
                    Optional<Integer> statisticsTarget = rs.wasNull() ? Optional.empty() : Optional.of(statistics);
                    return new Column(rs.getString("attname"), rs.getString("type"), qualifiedName(rs, "collation"),
                            rs.getBoolean("attnotnull"), Optional.ofNullable(rs.getString("not_null_name")),
                            Optional.ofNullable(rs.getString("default_value")),
                            Column.Generated.fromCatalog(rs.getString("generated")), identity,
                            identity == Column.Identity.NONE ? Optional.empty()
                                    : sequences.identityOf(rs.getLong("attrelid"), rs.getString("attname")),
                            rs.getBoolean("attislocal"), statisticsTarget, Optional.ofNullable(storage(rs.getString("storage"))),
                            Optional.ofNullable(compression(rs.getString("compression"))), strings(rs, "options"));
                });
    }

    static String storage(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "p" -> "PLAIN";
            case "e" -> "EXTERNAL";
            case "m" -> "MAIN";
            default -> "EXTENDED";
        };
    }

    static String compression(String code) {
        if (code == null) {
            return null;
        }
        return code.equals("l") ? "lz4" : "pglz";
    }

    private static Map<Long, List<Constraint>> readConstraints(CatalogQuery query, String kinds) throws SQLException {
        // contype 'n' (NOT NULL, PostgreSQL 18) and 't' (constraint trigger) are not table
        // constraints here. A foreign key cloned onto a partition from its parent's
        // (conparentid <> 0) is recreated by the parent's, as in pg_dump.
        return query.groupedByOid(
                "SELECT co.conrelid, n.nspname, c.relname, co.conname, co.contype,"
                        + " pg_catalog.pg_get_constraintdef(co.oid) AS definition, co.conislocal, co.convalidated"
                        + " FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE co.contype IN ('c', 'p', 'u', 'f', 'x') AND c.relkind IN " + kinds
                        + " AND NOT (co.contype = 'f' AND co.conparentid <> 0) AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY co.conrelid, co.conname COLLATE \"C\"",
                rs -> new Constraint(new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("conname"),
                        Constraint.Type.fromCatalog(rs.getString("contype")), rs.getString("definition"),
                        rs.getBoolean("conislocal"), rs.getBoolean("convalidated")));
    }
}
