package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE TRANSFORM FOR type LANGUAGE lang}; database-wide.
 *
 * @param fromSql the {@code FROM SQL} function with its argument types ({@code regprocedure})
 * @param toSql   the {@code TO SQL} function
 */
public record Transform(String type, String language, Optional<String> fromSql, Optional<String> toSql) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TRANSFORM, "", type + " LANGUAGE " + language);
    }
}
