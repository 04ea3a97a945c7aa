package io.dbsnap.catalog;

import java.util.Locale;

/**
 * The stable identity of an object: the same object has the same id in two catalogs of the same
 * database, whatever its OID.
 *
 * @param schema    the schema; empty for a schema itself
 * @param name      the object's name; for objects that live on a table (constraints, triggers,
 *                  policies) it is {@code table.name}
 * @param signature the identity arguments of a function or procedure, the column of a column
 *                  default, empty otherwise
 */
public record ObjectId(ObjectKind kind, String schema, String name, String signature) {

    public static ObjectId of(ObjectKind kind, String schema, String name) {
        return new ObjectId(kind, schema, name, "");
    }

    @Override
    public String toString() {
        String qualified = schema.isEmpty() ? name : schema + "." + name;
        return kind.name().toLowerCase(Locale.ROOT) + " " + qualified
                + (signature.isEmpty() && kind != ObjectKind.FUNCTION && kind != ObjectKind.PROCEDURE ? "" : "(" + signature + ")");
    }
}
