package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.AccessMethod;
import io.dbsnap.catalog.ProceduralLanguage;
import io.dbsnap.catalog.Transform;

/** Writes procedural languages, transforms and access methods: objects made of a few functions. */
final class LanguageDdl {

    private LanguageDdl() {
    }

    static String create(ProceduralLanguage l) {
        return "CREATE " + (l.trusted() ? "TRUSTED " : "") + "PROCEDURAL LANGUAGE " + quote(l.name()) + " HANDLER " + l.handler()
                + l.inline().map(i -> " INLINE " + i).orElse("") + l.validator().map(v -> " VALIDATOR " + v).orElse("") + ";";
    }

    static String create(Transform t) {
        String from = t.fromSql().map(f -> "FROM SQL WITH FUNCTION " + f).orElse("");
        String to = t.toSql().map(f -> "TO SQL WITH FUNCTION " + f).orElse("");
        String functions = from.isEmpty() || to.isEmpty() ? from + to : from + ", " + to;
        return "CREATE TRANSFORM FOR " + t.type() + " LANGUAGE " + quote(t.language()) + " (" + functions + ");";
    }

    static String drop(Transform t) {
        return "DROP TRANSFORM IF EXISTS FOR " + t.type() + " LANGUAGE " + quote(t.language()) + ";";
    }

    static String create(AccessMethod a) {
        return "CREATE ACCESS METHOD " + quote(a.name()) + " TYPE " + a.type() + " HANDLER " + a.handler() + ";";
    }

    static ObjectDdl of(ProceduralLanguage l) {
        return new ObjectDdl(l.id(), create(l), "DROP PROCEDURAL LANGUAGE IF EXISTS " + quote(l.name()) + ";");
    }

    static ObjectDdl of(Transform t) {
        return new ObjectDdl(t.id(), create(t), drop(t));
    }

    static ObjectDdl of(AccessMethod a) {
        return new ObjectDdl(a.id(), create(a), "DROP ACCESS METHOD IF EXISTS " + quote(a.name()) + ";");
    }
}
