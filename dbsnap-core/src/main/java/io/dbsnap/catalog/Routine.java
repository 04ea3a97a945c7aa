package io.dbsnap.catalog;

/**
 * A function, procedure or aggregate.
 *
 * @param signature  the identity arguments ({@code pg_get_function_identity_arguments})
 * @param definition the full CREATE statement, without a final semicolon
 */
public record Routine(QualifiedName name, String signature, Kind kind, String definition) {

    /** {@code pg_proc.prokind}, as far as a dump distinguishes. */
    public enum Kind {
        FUNCTION, PROCEDURE, AGGREGATE
    }

    public ObjectId id() {
        ObjectKind objectKind = switch (kind) {
            case FUNCTION -> ObjectKind.FUNCTION;
            case PROCEDURE -> ObjectKind.PROCEDURE;
            case AGGREGATE -> ObjectKind.AGGREGATE;
        };
        return new ObjectId(objectKind, name.schema(), name.name(), signature);
    }
}
