package io.dbsnap.dumper;

import static io.dbsnap.dumper.CatalogQuery.qualifiedName;
import static io.dbsnap.dumper.CatalogQuery.strings;

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
final class TableReader {

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

    static List<Table> read(CatalogQuery query, SequenceReader.Sequences sequences) throws SQLException {
        return read(query, sequences, TABLE_KINDS);
    }

    /** The foreign tables, read as tables: their columns, check constraints and parents. */
    static List<Table> foreign(CatalogQuery query, SequenceReader.Sequences sequences) throws SQLException {
        return read(query, sequences, "('f')");
    }

    private static List<Table> read(CatalogQuery query, SequenceReader.Sequences sequences, String kinds) throws SQLException {
        Map<Long, List<Column>> columns = readColumns(query, sequences, kinds);
        Map<Long, List<Constraint>> constraints = readConstraints(query, kinds);
        return query.list("SELECT c.oid, n.nspname, c.relname, c.relpersistence = 'u',"
                        // options in the catalog's order, which is the order they were set in
                        + " ARRAY(SELECT x FROM unnest(c.reloptions) WITH ORDINALITY AS o(x, i) ORDER BY i)"
                        + " || ARRAY(SELECT 'toast.' || x FROM pg_catalog.pg_class tc,"
                        + "    unnest(tc.reloptions) WITH ORDINALITY AS o(x, i) WHERE tc.oid = c.reltoastrelid ORDER BY i),"
                        + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,"
                        + " (SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition),"
                        + " (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    WHERE i.inhrelid = c.oid AND c.relispartition),"
                        + " CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,"
                        + " ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
                        + "    WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno),"
                        + " ARRAY(SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                        + "    WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno),"
                        + " c.relreplident,"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisreplident),"
                        + " c.relrowsecurity, c.relforcerowsecurity,"
                        + " (SELECT x.nspname FROM pg_catalog.pg_type o JOIN pg_catalog.pg_namespace x ON x.oid = o.typnamespace"
                        + "    WHERE o.oid = c.reloftype),"
                        + " (SELECT o.typname FROM pg_catalog.pg_type o WHERE o.oid = c.reloftype),"
                        + " (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam AND am.amname <> 'heap'),"
                        + " (SELECT ic.relname FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                        + "    WHERE x.indrelid = c.oid AND x.indisclustered)"
                        + tables(kinds) + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new Table(new QualifiedName(rs.getString(2), rs.getString(3)),
                        columns.getOrDefault(rs.getLong(1), List.of()), constraints.getOrDefault(rs.getLong(1), List.of()),
                        rs.getBoolean(4), strings(rs, 5), Optional.ofNullable(rs.getString(6)), qualifiedName(rs, 7),
                        Optional.ofNullable(rs.getString(9)), qualifiedName(rs, 16), parents(rs, 10), rs.getString(12),
                        Optional.ofNullable(rs.getString(13)), rs.getBoolean(14), rs.getBoolean(15),
                        Optional.ofNullable(rs.getString(18)), Optional.ofNullable(rs.getString(19))));
    }

    private static List<QualifiedName> parents(ResultSet rs, int schemasColumn) throws SQLException {
        List<String> schemas = strings(rs, schemasColumn);
        List<String> names = strings(rs, schemasColumn + 1);
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
                "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT x.nspname FROM pg_catalog.pg_collation o JOIN pg_catalog.pg_namespace x"
                        + "  ON x.oid = o.collnamespace WHERE o.oid = a.attcollation) END,"
                        + " CASE WHEN a.attcollation <> t.typcollation THEN"
                        + " (SELECT o.collname FROM pg_catalog.pg_collation o WHERE o.oid = a.attcollation) END,"
                        + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), " + generated + ", a.attidentity,"
                        + " a.attislocal, NULLIF(a.attstattarget, -1),"
                        + " CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END, " + compression + ", " + notNullName + ","
                        + " ARRAY(SELECT x FROM unnest(a.attoptions) WITH ORDINALITY AS o(x, i) ORDER BY i)"
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                        + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN " + kinds + " AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY a.attrelid, a.attnum",
                rs -> {
                    Column.Identity identity = Column.Identity.fromCatalog(rs.getString(9));
                    int statistics = rs.getInt(11);
                    Optional<Integer> statisticsTarget = rs.wasNull() ? Optional.empty() : Optional.of(statistics);
                    return new Column(rs.getString(2), rs.getString(3), qualifiedName(rs, 4), rs.getBoolean(6),
                            Optional.ofNullable(rs.getString(14)), Optional.ofNullable(rs.getString(7)), Column.Generated.fromCatalog(rs.getString(8)), identity,
                            identity == Column.Identity.NONE ? Optional.empty()
                                    : sequences.identityOf(rs.getLong(1), rs.getString(2)),
                            rs.getBoolean(10), statisticsTarget, Optional.ofNullable(storage(rs.getString(12))),
                            Optional.ofNullable(compression(rs.getString(13))), strings(rs, 15));
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
                        + " pg_catalog.pg_get_constraintdef(co.oid), co.conislocal, co.convalidated"
                        + " FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE co.contype IN ('c', 'p', 'u', 'f', 'x') AND c.relkind IN " + kinds
                        + " AND NOT (co.contype = 'f' AND co.conparentid <> 0) AND"
                        + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY co.conrelid, co.conname COLLATE \"C\"",
                rs -> new Constraint(new QualifiedName(rs.getString(2), rs.getString(3)), rs.getString(4),
                        Constraint.Type.fromCatalog(rs.getString(5)), rs.getString(6), rs.getBoolean(7),
                        rs.getBoolean(8)));
    }
}
