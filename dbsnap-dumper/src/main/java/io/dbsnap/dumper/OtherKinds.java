package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.AccessMethod;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Conversion;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ForeignDataWrapper;
import io.dbsnap.catalog.ForeignServer;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.OperatorClass;
import io.dbsnap.catalog.OperatorFamily;
import io.dbsnap.catalog.ProceduralLanguage;
import io.dbsnap.catalog.TextSearchParser;
import io.dbsnap.catalog.TextSearchTemplate;
import io.dbsnap.catalog.Transform;
import io.dbsnap.catalog.UserMapping;
import java.util.List;
import java.util.Map;

/**
 * The pre-data statements of the kinds of object added to the first ones (operator families and
 * classes, access methods, languages, conversions, transforms, text search parsers and templates,
 * foreign data wrappers, servers and user mappings): their creations and drops by identity, for
 * {@link DdlPlanner} to order with the rest by their dependencies.
 */
final class OtherKinds {

    private OtherKinds() {
    }

    /**
     * Adds to {@code creates} and {@code drops}, and to {@code dependencies} what pg_depend does not
     * record: a family needs its access method, a class its family.
     */
    static void add(Catalog catalog, Map<ObjectId, String> creates, Map<ObjectId, String> drops,
                    List<Dependency> dependencies) {
        for (AccessMethod a : catalog.accessMethods()) {
            creates.put(a.id(), LanguageDdl.create(a));
            drops.put(a.id(), "DROP ACCESS METHOD IF EXISTS " + quote(a.name()) + ";");
        }
        for (ProceduralLanguage l : catalog.languages()) {
            creates.put(l.id(), LanguageDdl.create(l));
            drops.put(l.id(), "DROP PROCEDURAL LANGUAGE IF EXISTS " + quote(l.name()) + ";");
        }
        for (Transform t : catalog.transforms()) {
            creates.put(t.id(), LanguageDdl.create(t));
            drops.put(t.id(), LanguageDdl.drop(t));
        }
        for (Conversion c : catalog.conversions()) {
            creates.put(c.id(), LanguageDdl.create(c));
            drops.put(c.id(), "DROP CONVERSION IF EXISTS " + c.name().sql() + ";");
        }
        for (OperatorFamily f : catalog.operatorFamilies()) {
            creates.put(f.id(), OperatorClassDdl.create(f));
            drops.put(f.id(), OperatorClassDdl.drop(f));
            dependencies.add(new Dependency(f.id(), accessMethod(f.method())));
        }
        for (OperatorClass c : catalog.operatorClasses()) {
            creates.put(c.id(), OperatorClassDdl.create(c));
            drops.put(c.id(), OperatorClassDdl.drop(c));
            dependencies.add(new Dependency(c.id(), c.familyId()));
            dependencies.add(new Dependency(c.id(), accessMethod(c.method())));
            // an ordering operator's sort family must exist too
            c.members().forEach(m -> m.orderFamily().ifPresent(o -> dependencies.add(new Dependency(c.id(),
                    new ObjectId(ObjectKind.OPERATOR_FAMILY, o.schema(), o.name(), "btree")))));
        }
        for (TextSearchParser p : catalog.textSearchParsers()) {
            creates.put(p.id(), TextSearchDdl.create(p));
            drops.put(p.id(), "DROP TEXT SEARCH PARSER IF EXISTS " + p.name().sql() + ";");
        }
        for (TextSearchTemplate t : catalog.textSearchTemplates()) {
            creates.put(t.id(), TextSearchDdl.create(t));
            drops.put(t.id(), "DROP TEXT SEARCH TEMPLATE IF EXISTS " + t.name().sql() + ";");
        }
        for (ForeignDataWrapper w : catalog.foreignDataWrappers()) {
            creates.put(w.id(), ForeignDataDdl.create(w));
            drops.put(w.id(), "DROP FOREIGN DATA WRAPPER IF EXISTS " + quote(w.name()) + ";");
        }
        for (ForeignServer s : catalog.foreignServers()) {
            creates.put(s.id(), ForeignDataDdl.create(s));
            drops.put(s.id(), "DROP SERVER IF EXISTS " + quote(s.name()) + ";");
            dependencies.add(new Dependency(s.id(), ObjectId.of(ObjectKind.FOREIGN_DATA_WRAPPER, "", s.wrapper())));
        }
        for (UserMapping u : catalog.userMappings()) {
            creates.put(u.id(), ForeignDataDdl.create(u));
            drops.put(u.id(), ForeignDataDdl.drop(u));
            dependencies.add(new Dependency(u.id(), ObjectId.of(ObjectKind.SERVER, "", u.server())));
        }
    }

    private static ObjectId accessMethod(String name) {
        return ObjectId.of(ObjectKind.ACCESS_METHOD, "", name);
    }
}
