package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.Publication;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads publications, database-wide objects read only when the whole database is dumped, with
 * their member tables and schemas: three queries.
 */
public final class PublicationReader {

    private PublicationReader() {
    }

    public static List<Publication> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        // Column lists and row filters (prattrs, prqual) and schema members appeared in 15.
        String columns = query.atLeast(15) ? "ARRAY(SELECT a.attname FROM pg_catalog.unnest(pr.prattrs::pg_catalog.int2[]) WITH ORDINALITY"
                + " AS k(attnum, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum ORDER BY k.i)"
                + " AS columns" : "ARRAY[]::name[] AS columns";
        String filter = (query.atLeast(15) ? "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)" : "NULL") + " AS row_filter";
        Map<Long, List<Publication.Member>> tables = query.groupedByOid("SELECT pr.prpubid, n.nspname, c.relname, "
                        + columns + ", " + filter
                        + " FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE" + SchemaFilter.SQL
                        + " ORDER BY pr.prpubid, n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new Publication.Member(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                        strings(rs, "columns"), Optional.ofNullable(rs.getString("row_filter"))));
        Map<Long, List<String>> schemas = new HashMap<>();
        if (query.atLeast(15)) {
            query.groupedByOid("SELECT pn.pnpubid, n.nspname FROM pg_catalog.pg_publication_namespace pn"
                            + " JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid WHERE" + SchemaFilter.SQL
                            + " ORDER BY pn.pnpubid, n.nspname COLLATE \"C\"", rs -> rs.getString("nspname"))
                    .forEach(schemas::put);
        }
        String viaRoot = query.atLeast(13) ? "p.pubviaroot" : "false";
        String generated = query.atLeast(18) ? "NULLIF(p.pubgencols, 'n')" : "NULL";
        return query.listDatabaseWide("SELECT p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,"
                        + " p.pubtruncate, " + viaRoot + " AS via_root, " + generated + " AS generated_columns"
                        + " FROM pg_catalog.pg_publication p"
                        + " ORDER BY p.pubname COLLATE \"C\"",
                rs -> {
                    List<String> publish = new ArrayList<>();
                    for (String operation : List.of("insert", "update", "delete", "truncate")) {
                        if (rs.getBoolean("pub" + operation)) {
                            publish.add(operation);
                        }
                    }
                    Optional<String> generatedColumns = Optional.ofNullable(rs.getString("generated_columns"))
                            .map(g -> g.equals("s") ? "stored" : g);
                    return new Publication(rs.getString("pubname"), rs.getBoolean("puballtables"), String.join(", ", publish),
                            rs.getBoolean("via_root"), generatedColumns, tables.getOrDefault(rs.getLong("oid"), List.of()),
                            schemas.getOrDefault(rs.getLong("oid"), List.of()));
                });
    }
}
