package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE COLLATION}. */
public final class CollationDdl {

    private CollationDdl() {
    }

    static String create(Collation c) {
        // Only a copy keeps the encoding "any" of the built-in C and POSIX collations; a
        // collation created from a locale is tied to the database's encoding.
        if (c.anyEncoding() && c.provider().equals("libc") && c.locale().filter(l -> l.equals("C") || l.equals("POSIX")).isPresent()) {
            return "CREATE COLLATION " + c.name().sql() + " FROM pg_catalog." + Identifiers.quote(c.locale().get()) + ";";
        }
        List<String> options = new ArrayList<>(List.of("provider = " + c.provider()));
        if (!c.deterministic()) {
            options.add("deterministic = false");
        }
        c.locale().ifPresent(l -> options.add("locale = " + Literals.string(l)));
        c.lcCollate().ifPresent(l -> options.add("lc_collate = " + Literals.string(l)));
        c.lcCtype().ifPresent(l -> options.add("lc_ctype = " + Literals.string(l)));
        c.rules().ifPresent(r -> options.add("rules = " + Literals.string(r)));
        return "CREATE COLLATION " + c.name().sql() + " (" + String.join(", ", options) + ");";
    }

    public static ObjectDdl of(Collation c) {
        return new ObjectDdl(c.id(), create(c), "DROP COLLATION IF EXISTS " + c.name().sql() + ";");
    }
}
