package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.ForeignDataWrapper;
import io.dbsnap.catalog.ForeignServer;
import io.dbsnap.catalog.UserMapping;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.List;

/** Writes foreign data wrappers, foreign servers and user mappings. */
final class ForeignDataDdl {

    private ForeignDataDdl() {
    }

    static String create(ForeignDataWrapper w) {
        return "CREATE FOREIGN DATA WRAPPER " + quote(w.name()) + w.handler().map(h -> " HANDLER " + h).orElse("")
                + w.validator().map(v -> " VALIDATOR " + v).orElse("") + options(w.options()) + ";";
    }

    static String create(ForeignServer s) {
        return "CREATE SERVER " + quote(s.name()) + s.type().map(t -> " TYPE " + Literals.string(t)).orElse("")
                + s.version().map(v -> " VERSION " + Literals.string(v)).orElse("") + " FOREIGN DATA WRAPPER "
                + quote(s.wrapper()) + options(s.options()) + ";";
    }

    static String create(UserMapping u) {
        return "CREATE USER MAPPING FOR " + u.user() + " SERVER " + quote(u.server()) + options(u.options()) + ";";
    }

    static String drop(UserMapping u) {
        return "DROP USER MAPPING IF EXISTS FOR " + u.user() + " SERVER " + quote(u.server()) + ";";
    }

    /** {@code OPTIONS (...)} of rendered {@code name 'value'} pairs, or nothing. */
    static String options(List<String> options) {
        return options.isEmpty() ? "" : " OPTIONS (\n    " + String.join(",\n    ", options) + "\n)";
    }

    static ObjectDdl of(ForeignDataWrapper w) {
        return new ObjectDdl(w.id(), create(w), "DROP FOREIGN DATA WRAPPER IF EXISTS " + quote(w.name()) + ";");
    }

    static ObjectDdl of(ForeignServer s) {
        return new ObjectDdl(s.id(), create(s), "DROP SERVER IF EXISTS " + quote(s.name()) + ";");
    }

    static ObjectDdl of(UserMapping u) {
        return new ObjectDdl(u.id(), create(u), drop(u));
    }
}
