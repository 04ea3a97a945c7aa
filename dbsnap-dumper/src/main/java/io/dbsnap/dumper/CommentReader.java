package io.dbsnap.dumper;

import io.dbsnap.catalog.Comment;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the comments on dumped objects, each with its target rendered as {@code COMMENT ON}
 * names it (quoted by the server's {@code quote_ident}).
 */
final class CommentReader {

    private static final String Q = "pg_catalog.quote_ident";

    private CommentReader() {
    }

    static List<Comment> read(CatalogQuery query) throws SQLException {
        String description = "pg_catalog.pg_description d";
        String classIs = " d.classoid = 'pg_catalog.%s'::pg_catalog.regclass";
        String sql = "WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE" + SchemaFilter.SQL + "),"
                + " targets(target, text) AS ("
                // the comment every database's public schema is created with is not worth a line
                + " SELECT 'SCHEMA ' || " + Q + "(ns.nspname), d.description FROM " + description
                + " JOIN ns ON ns.oid = d.objoid WHERE" + classIs.formatted("pg_namespace")
                + " AND NOT (ns.nspname = 'public' AND d.description = 'standard public schema')"
                + " UNION ALL SELECT CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW '"
                + "   WHEN 'S' THEN 'SEQUENCE ' WHEN 'i' THEN 'INDEX ' WHEN 'I' THEN 'INDEX ' WHEN 'f' THEN 'FOREIGN TABLE '"
                + "   ELSE 'TABLE ' END || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname), d.description"
                + " FROM " + description + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid = 0 AND c.relkind <> 'c' AND"
                + SchemaFilter.notInExtension("pg_class", "c.oid")
                + " UNION ALL SELECT 'COLUMN ' || " + Q + "(ns.nspname) || '.' || " + Q + "(c.relname) || '.' || "
                + Q + "(a.attname), d.description FROM " + description
                + " JOIN pg_catalog.pg_class c ON c.oid = d.objoid JOIN ns ON ns.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid"
                + " WHERE" + classIs.formatted("pg_class") + " AND d.objsubid > 0 AND"
                + SchemaFilter.notInExtension("pg_class", "c.oid")
                + " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END"
                + "   || " + Q + "(ns.nspname) || '.' || " + Q + "(p.proname)"
                + "   || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', d.description"
                + " FROM " + description + " JOIN pg_catalog.pg_proc p ON p.oid = d.objoid JOIN ns ON ns.oid = p.pronamespace"
                + " WHERE" + classIs.formatted("pg_proc") + " AND" + SchemaFilter.notInExtension("pg_proc", "p.oid")
                + " UNION ALL SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || " + Q + "(ns.nspname)"
                + "   || '.' || " + Q + "(t.typname), d.description"
                + " FROM " + description + " JOIN pg_catalog.pg_type t ON t.oid = d.objoid JOIN ns ON ns.oid = t.typnamespace"
                + " WHERE" + classIs.formatted("pg_type") + " AND" + SchemaFilter.notInExtension("pg_type", "t.oid")
                + " UNION ALL SELECT 'CONSTRAINT ' || " + Q + "(co.conname) || ' ON '"
                + "   || CASE WHEN co.contypid <> 0 THEN 'DOMAIN ' ELSE '' END || " + Q + "(ns.nspname) || '.' || "
                + Q + "(COALESCE(c.relname, t.typname)), d.description"
                + " FROM " + description + " JOIN pg_catalog.pg_constraint co ON co.oid = d.objoid"
                + " LEFT JOIN pg_catalog.pg_class c ON c.oid = co.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = co.contypid"
                + " JOIN ns ON ns.oid = COALESCE(c.relnamespace, t.typnamespace)"
                + " WHERE" + classIs.formatted("pg_constraint")
                + " UNION ALL SELECT 'TRIGGER ' || " + Q + "(tg.tgname) || ' ON ' || " + Q + "(ns.nspname) || '.' || "
                + Q + "(c.relname), d.description FROM " + description
                + " JOIN pg_catalog.pg_trigger tg ON tg.oid = d.objoid JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid"
                + " JOIN ns ON ns.oid = c.relnamespace WHERE" + classIs.formatted("pg_trigger")
                + " UNION ALL SELECT 'POLICY ' || " + Q + "(po.polname) || ' ON ' || " + Q + "(ns.nspname) || '.' || "
                + Q + "(c.relname), d.description FROM " + description
                + " JOIN pg_catalog.pg_policy po ON po.oid = d.objoid JOIN pg_catalog.pg_class c ON c.oid = po.polrelid"
                + " JOIN ns ON ns.oid = c.relnamespace WHERE" + classIs.formatted("pg_policy")
                + " UNION ALL SELECT 'EXTENSION ' || " + Q + "(x.extname), d.description FROM " + description
                + " JOIN pg_catalog.pg_extension x ON x.oid = d.objoid JOIN ns ON ns.oid = x.extnamespace"
                + " WHERE" + classIs.formatted("pg_extension") + " AND x.oid >= 16384"
                + ") SELECT target, text FROM targets ORDER BY target COLLATE \"C\"";
        return query.list(sql, rs -> new Comment(rs.getString(1), rs.getString(2)));
    }
}
