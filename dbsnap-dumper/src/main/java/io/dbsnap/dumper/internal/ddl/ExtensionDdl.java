package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Extension;
import java.util.List;

/** Writes {@code CREATE EXTENSION} and the {@code DEPENDS ON EXTENSION} marks of objects outside it. */
public final class ExtensionDdl {

    private ExtensionDdl() {
    }

    public static ObjectDdl of(Extension x) {
        return new ObjectDdl(x.id(), "CREATE EXTENSION IF NOT EXISTS " + quote(x.name()) + " WITH SCHEMA " + quote(x.schema()) + ";",
                "DROP EXTENSION IF EXISTS " + quote(x.name()) + ";");
    }

    /** After the triggers and indexes such a mark may name; the objects themselves are not the extension's. */
    public static List<String> dependents(Extension x) {
        return x.dependents().stream().map(d -> "ALTER " + d + " DEPENDS ON EXTENSION " + quote(x.name()) + ";").toList();
    }
}
