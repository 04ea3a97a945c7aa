package io.dbsnap.dumper;

import static io.dbsnap.dumper.CatalogQuery.strings;

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
final class PublicationReader {

    private PublicationReader() {
    }

    static List<Publication> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase()) {
            return List.of();
        }
        // Column lists and row filters (prattrs, prqual) and schema members appeared in 15.
        String columns = query.atLeast(15) ? "ARRAY(SELECT a.attname FROM pg_catalog.unnest(pr.prattrs::pg_catalog.int2[]) WITH ORDINALITY"
                + " AS k(attnum, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum ORDER BY k.i)"
                : "ARRAY[]::name[]";
        String filter = query.atLeast(15) ? "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)" : "NULL";
        Map<Long, List<Publication.Member>> tables = query.groupedByOid("SELECT pr.prpubid, n.nspname, c.relname, "
                        + columns + ", " + filter
                        + " FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE" + SchemaFilter.SQL
                        + " ORDER BY pr.prpubid, n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
                rs -> new Publication.Member(new QualifiedName(rs.getString(2), rs.getString(3)), strings(rs, 4),
                        Optional.ofNullable(rs.getString(5))));
        Map<Long, List<String>> schemas = new HashMap<>();
        if (query.atLeast(15)) {
            query.groupedByOid("SELECT pn.pnpubid, n.nspname FROM pg_catalog.pg_publication_namespace pn"
                            + " JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid WHERE" + SchemaFilter.SQL
                            + " ORDER BY pn.pnpubid, n.nspname COLLATE \"C\"", rs -> rs.getString(2))
                    .forEach(schemas::put);
        }
        String viaRoot = query.atLeast(13) ? "p.pubviaroot" : "false";
        String generated = query.atLeast(18) ? "NULLIF(p.pubgencols, 'n')" : "NULL";
        return query.listDatabaseWide("SELECT p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,"
                        + " p.pubtruncate, " + viaRoot + ", " + generated + " FROM pg_catalog.pg_publication p"
                        + " ORDER BY p.pubname COLLATE \"C\"",
                rs -> {
                    List<String> publish = new ArrayList<>();
                    String[] operations = {"insert", "update", "delete", "truncate"};
                    for (int i = 0; i < operations.length; i++) {
                        if (rs.getBoolean(4 + i)) {
                            publish.add(operations[i]);
                        }
                    }
                    Optional<String> generatedColumns = Optional.ofNullable(rs.getString(9)).map(g -> g.equals("s") ? "stored" : g);
                    return new Publication(rs.getString(2), rs.getBoolean(3), String.join(", ", publish), rs.getBoolean(8),
                            generatedColumns, tables.getOrDefault(rs.getLong(1), List.of()),
                            schemas.getOrDefault(rs.getLong(1), List.of()));
                });
    }
}
