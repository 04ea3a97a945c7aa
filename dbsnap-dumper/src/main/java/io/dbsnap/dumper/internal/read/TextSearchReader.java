package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.TextSearchConfiguration;
import io.dbsnap.catalog.TextSearchDictionary;
import io.dbsnap.catalog.TextSearchParser;
import io.dbsnap.catalog.TextSearchTemplate;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads text search parsers, templates, dictionaries and configurations (with their token mappings) of the dumped schemas. */
public final class TextSearchReader {

    private static final String Q = "pg_catalog.quote_ident";

    private TextSearchReader() {
    }

    public static List<TextSearchDictionary> dictionaries(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, d.dictname, " + Q + "(tn.nspname) || '.' || " + Q + "(t.tmplname) AS template,"
                        + " d.dictinitoption"
                        + " FROM pg_catalog.pg_ts_dict d JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace"
                        + " JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate"
                        + " JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_ts_dict", "d.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", d.dictname COLLATE \"C\"",
                rs -> new TextSearchDictionary(new QualifiedName(rs.getString("nspname"), rs.getString("dictname")),
                        rs.getString("template"), Optional.ofNullable(rs.getString("dictinitoption"))));
    }

    public static List<TextSearchConfiguration> configurations(CatalogQuery query) throws SQLException {
        String configs = " FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace"
                + " WHERE" + SchemaFilter.notInExtension("pg_ts_config", "c.oid") + "AND" + SchemaFilter.SQL;
        // The token names come from the parser; regdictionary renders dictionaries outside
        // pg_catalog qualified, since the search_path is empty.
        Map<Long, List<TextSearchConfiguration.Mapping>> mappings = query.groupedByOid(
                "SELECT c.oid, (SELECT t.alias FROM pg_catalog.ts_token_type(c.cfgparser) t WHERE t.tokid = m.maptokentype) AS token,"
                        + " array_agg(m.mapdict::pg_catalog.regdictionary::text ORDER BY m.mapseqno) AS dictionaries"
                        + " FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.pg_ts_config c ON c.oid = m.mapcfg"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_ts_config", "c.oid") + "AND" + SchemaFilter.SQL
                        + " GROUP BY c.oid, c.cfgparser, m.maptokentype ORDER BY c.oid, m.maptokentype",
                rs -> new TextSearchConfiguration.Mapping(rs.getString("token"), strings(rs, "dictionaries")));
        return query.list("SELECT c.oid, n.nspname, c.cfgname,"
                        + " (SELECT " + Q + "(pn.nspname) || '.' || " + Q + "(p.prsname) FROM pg_catalog.pg_ts_parser p"
                        + "  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace WHERE p.oid = c.cfgparser) AS parser"
                        + configs + " ORDER BY n.nspname COLLATE \"C\", c.cfgname COLLATE \"C\"",
                rs -> new TextSearchConfiguration(new QualifiedName(rs.getString("nspname"), rs.getString("cfgname")),
                        rs.getString("parser"), mappings.getOrDefault(rs.getLong("oid"), List.of())));
    }

    public static List<TextSearchParser> parsers(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, p.prsname, p.prsstart::pg_catalog.regproc::text AS start,"
                        + " p.prstoken::pg_catalog.regproc::text AS gettoken, p.prsend::pg_catalog.regproc::text AS end_function,"
                        + " NULLIF(p.prsheadline, 0)::pg_catalog.regproc::text AS headline,"
                        + " p.prslextype::pg_catalog.regproc::text AS lextypes"
                        + " FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_ts_parser", "p.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", p.prsname COLLATE \"C\"",
                rs -> new TextSearchParser(new QualifiedName(rs.getString("nspname"), rs.getString("prsname")), rs.getString("start"),
                        rs.getString("gettoken"), rs.getString("end_function"), Optional.ofNullable(rs.getString("headline")),
                        rs.getString("lextypes")));
    }

    public static List<TextSearchTemplate> templates(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, t.tmplname, NULLIF(t.tmplinit, 0)::pg_catalog.regproc::text AS init,"
                        + " t.tmpllexize::pg_catalog.regproc::text AS lexize"
                        + " FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_ts_template", "t.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", t.tmplname COLLATE \"C\"",
                rs -> new TextSearchTemplate(new QualifiedName(rs.getString("nspname"), rs.getString("tmplname")),
                        Optional.ofNullable(rs.getString("init")), rs.getString("lexize")));
    }
}
