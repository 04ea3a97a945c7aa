package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Sequence;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads sequences with their options. A sequence behind an identity column belongs to its
 * column and is returned apart, keyed by table OID and column name.
 */
public final class SequenceReader {

    /** A sequence as read, with the column it belongs to when it is an identity sequence. */
    record Read(Sequence sequence, boolean identity, long tableOid, String column) {
    }

    /** Plain sequences in name order, and identity sequences by table OID and column. */
    public record Sequences(List<Sequence> plain, Map<String, Sequence> identityByColumn) {
        Optional<Sequence> identityOf(long tableOid, String column) {
            return Optional.ofNullable(identityByColumn.get(key(tableOid, column)));
        }
    }

    private SequenceReader() {
    }

    public static Sequences read(CatalogQuery query) throws SQLException {
        List<Read> all = query.list("SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL) AS type,"
                        + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
                        // serial: OWNED BY (deptype 'a'); identity: the column's own sequence (deptype 'i')
                        + " d.deptype, d.refobjid, tn.nspname AS table_schema, t.relname AS table_name, a.attname,"
                        + " c.relpersistence = 'u' AS unlogged"
                        + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                        + " AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                        + " AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')"
                        + " LEFT JOIN pg_catalog.pg_class t ON t.oid = d.refobjid"
                        + " LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace"
                        + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                        + " WHERE" + SchemaFilter.notInExtension("pg_class", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> {
                    Optional<Sequence.ColumnRef> owner = rs.getString("table_name") == null ? Optional.empty()
                            : Optional.of(new Sequence.ColumnRef(new QualifiedName(rs.getString("table_schema"),
                            rs.getString("table_name")), rs.getString("attname")));
                    boolean identity = "i".equals(rs.getString("deptype"));
                    Sequence sequence = new Sequence(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                            rs.getString("type"), rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"),
                            rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"), rs.getBoolean("unlogged"),
                            identity ? Optional.empty() : owner);
                    return new Read(sequence, identity, rs.getLong("refobjid"), rs.getString("attname"));
                });
        Map<String, Sequence> identity = new HashMap<>();
        List<Sequence> plain = all.stream().filter(r -> !r.identity()).map(Read::sequence).toList();
        all.stream().filter(Read::identity).forEach(r -> identity.put(key(r.tableOid(), r.column()), r.sequence()));
        return new Sequences(plain, identity);
    }

    private static String key(long tableOid, String column) {
        return tableOid + "/" + column;
    }
}
