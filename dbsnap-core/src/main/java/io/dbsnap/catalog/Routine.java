package io.dbsnap.catalog;

/**
 * A function or procedure.
 *
 * @param signature  the identity arguments ({@code pg_get_function_identity_arguments})
 * @param definition the full {@code CREATE OR REPLACE} statement ({@code pg_get_functiondef})
 */
public record Routine(String schema, String name, String signature, boolean procedure, String definition) {

    public ObjectId id() {
        return new ObjectId(procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION, schema, name, signature);
    }
}
