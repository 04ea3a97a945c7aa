package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.TextSearchConfiguration;
import io.dbsnap.catalog.TextSearchDictionary;
import io.dbsnap.catalog.TextSearchParser;
import io.dbsnap.catalog.TextSearchTemplate;

/** Writes text search parsers, templates, dictionaries and configurations. */
public final class TextSearchDdl {

    private TextSearchDdl() {
    }

    static String create(TextSearchParser p) {
        return "CREATE TEXT SEARCH PARSER " + p.name().sql() + " (\n    START = " + p.start() + ",\n    GETTOKEN = "
                + p.getToken() + ",\n    END = " + p.end() + ",\n    LEXTYPES = " + p.lexTypes()
                + p.headline().map(h -> ",\n    HEADLINE = " + h).orElse("") + " );";
    }

    static String create(TextSearchTemplate t) {
        return "CREATE TEXT SEARCH TEMPLATE " + t.name().sql() + " (\n    " + t.init().map(i -> "INIT = " + i + ",\n    ").orElse("")
                + "LEXIZE = " + t.lexize() + " );";
    }

    static String create(TextSearchDictionary d) {
        return "CREATE TEXT SEARCH DICTIONARY " + d.name().sql() + " (\n    TEMPLATE = " + d.template()
                + d.options().map(o -> ",\n    " + o).orElse("") + " );";
    }

    /** The configuration with its parser's default mappings dropped, then each mapping of the source added. */
    static String create(TextSearchConfiguration c) {
        StringBuilder sql = new StringBuilder("CREATE TEXT SEARCH CONFIGURATION ").append(c.name().sql())
                .append(" (\n    PARSER = ").append(c.parser()).append(" );");
        for (TextSearchConfiguration.Mapping m : c.mappings()) {
            sql.append("\n\nALTER TEXT SEARCH CONFIGURATION ").append(c.name().sql()).append("\n    ADD MAPPING FOR ")
                    .append(quote(m.token())).append(" WITH ").append(String.join(", ", m.dictionaries())).append(';');
        }
        return sql.toString();
    }

    public static ObjectDdl of(TextSearchParser p) {
        return new ObjectDdl(p.id(), create(p), "DROP TEXT SEARCH PARSER IF EXISTS " + p.name().sql() + ";");
    }

    public static ObjectDdl of(TextSearchTemplate t) {
        return new ObjectDdl(t.id(), create(t), "DROP TEXT SEARCH TEMPLATE IF EXISTS " + t.name().sql() + ";");
    }

    public static ObjectDdl of(TextSearchDictionary d) {
        return new ObjectDdl(d.id(), create(d), "DROP TEXT SEARCH DICTIONARY IF EXISTS " + d.name().sql() + ";");
    }

    public static ObjectDdl of(TextSearchConfiguration c) {
        return new ObjectDdl(c.id(), create(c), "DROP TEXT SEARCH CONFIGURATION IF EXISTS " + c.name().sql() + ";");
    }
}
