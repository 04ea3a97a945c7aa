package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE CAST (source AS target)}.
 *
 * @param function the cast function with its argument types, for {@link Method#FUNCTION}
 */
public record Cast(String source, String target, Method method, Optional<String> function, Context context) {

    /** {@code pg_cast.castmethod}. */
    public enum Method { FUNCTION, INOUT, BINARY }

    /** {@code pg_cast.castcontext}. */
    public enum Context { EXPLICIT, ASSIGNMENT, IMPLICIT }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.CAST, "", source + " AS " + target);
    }
}
