package io.dbsnap.dumper.internal.ddl;

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
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pre-data statements of the kinds of object added to the first ones (operator families and
 * classes, access methods, languages, conversions, transforms, text search parsers and templates,
 * foreign data wrappers, servers and user mappings), each written by its kind's DDL class, for
 * {@link DdlPlanner} to order with the rest by their dependencies.
 */
public final class OtherKinds {

    private OtherKinds() {
    }

    /**
     * Gives {@code objects} these objects, and adds to {@code dependencies} what pg_depend does not
     * record: a family needs its access method, a class its family.
     */
    public static void add(Catalog catalog, Consumer<ObjectDdl> objects, List<Dependency> dependencies) {
        for (AccessMethod a : catalog.accessMethods()) {
            objects.accept(LanguageDdl.of(a));
        }
        for (ProceduralLanguage l : catalog.languages()) {
            objects.accept(LanguageDdl.of(l));
        }
        for (Transform t : catalog.transforms()) {
            objects.accept(LanguageDdl.of(t));
        }
        for (Conversion c : catalog.conversions()) {
            objects.accept(ConversionDdl.of(c));
        }
        for (OperatorFamily f : catalog.operatorFamilies()) {
            objects.accept(OperatorClassDdl.of(f));
            dependencies.add(new Dependency(f.id(), accessMethod(f.method())));
        }
        for (OperatorClass c : catalog.operatorClasses()) {
            objects.accept(OperatorClassDdl.of(c));
            dependencies.add(new Dependency(c.id(), c.familyId()));
            dependencies.add(new Dependency(c.id(), accessMethod(c.method())));
            // an ordering operator's sort family must exist too
            c.members().forEach(m -> m.orderFamily().ifPresent(o -> dependencies.add(new Dependency(c.id(),
                    new ObjectId(ObjectKind.OPERATOR_FAMILY, o.schema(), o.name(), "btree")))));
        }
        for (TextSearchParser p : catalog.textSearchParsers()) {
            objects.accept(TextSearchDdl.of(p));
        }
        for (TextSearchTemplate t : catalog.textSearchTemplates()) {
            objects.accept(TextSearchDdl.of(t));
        }
        for (ForeignDataWrapper w : catalog.foreignDataWrappers()) {
            objects.accept(ForeignDataDdl.of(w));
        }
        for (ForeignServer s : catalog.foreignServers()) {
            objects.accept(ForeignDataDdl.of(s));
            dependencies.add(new Dependency(s.id(), ObjectId.of(ObjectKind.FOREIGN_DATA_WRAPPER, "", s.wrapper())));
        }
        for (UserMapping u : catalog.userMappings()) {
            objects.accept(ForeignDataDdl.of(u));
            dependencies.add(new Dependency(u.id(), ObjectId.of(ObjectKind.SERVER, "", u.server())));
        }
    }

    private static ObjectId accessMethod(String name) {
        return ObjectId.of(ObjectKind.ACCESS_METHOD, "", name);
    }
}
