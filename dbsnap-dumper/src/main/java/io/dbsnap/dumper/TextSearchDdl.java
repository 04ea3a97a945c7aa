package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.TextSearchConfiguration;
import io.dbsnap.catalog.TextSearchDictionary;

/** Writes text search dictionaries and configurations. */
final class TextSearchDdl {

    private TextSearchDdl() {
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
}
