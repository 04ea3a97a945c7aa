package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;

/** Reads indexes that do not implement a constraint, and which partition indexes hang under which parent index. */
public final class IndexReader {

    private IndexReader() {
    }

    public static List<Index> read(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, i.relname AS index_name, t.relname AS table_name,"
                        + " pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,"
                        // attstattarget is -1 for "default" before PostgreSQL 17 and NULL from 17 on
                        + " ARRAY(SELECT a.attnum || '=' || a.attstattarget FROM pg_catalog.pg_attribute a"
                        + "    WHERE a.attrelid = x.indexrelid AND COALESCE(a.attstattarget, -1) <> -1 ORDER BY a.attnum)"
                        + " AS column_statistics"
                        + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
                        + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE t.relkind IN ('r', 'p', 'm')"
                        // a foreign key also points conindid at the index it uses, so match the table too
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co WHERE co.conindid = x.indexrelid"
                        + " AND co.conrelid = x.indrelid AND co.contype IN ('p', 'u', 'x')) AND"
                        + SchemaFilter.notInExtension("pg_class", "t.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", i.relname COLLATE \"C\"",
                rs -> new Index(new QualifiedName(rs.getString("nspname"), rs.getString("index_name")),
                        new QualifiedName(rs.getString("nspname"), rs.getString("table_name")), rs.getString("definition"),
                        CatalogQuery.strings(rs, "column_statistics")));
    }

    public static List<IndexAttachment> attachments(CatalogQuery query) throws SQLException {
        return query.list("SELECT pn.nspname AS parent_schema, p.relname AS parent_name, n.nspname AS index_schema, c.relname AS index_name"
                        + " FROM pg_catalog.pg_inherits h"
                        + " JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_class p ON p.oid = h.inhparent"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
                        + " WHERE c.relkind IN ('i', 'I') AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new IndexAttachment(new QualifiedName(rs.getString("parent_schema"), rs.getString("parent_name")),
                        new QualifiedName(rs.getString("index_schema"), rs.getString("index_name"))));
    }
}
