package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE PROCEDURAL LANGUAGE} of a language not made by an extension; database-wide.
 *
 * @param handler   the call handler ({@code regproc})
 * @param inline    the {@code DO} handler
 * @param validator the validator
 */
public record ProceduralLanguage(String name, boolean trusted, String handler, Optional<String> inline,
                                 Optional<String> validator) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.LANGUAGE, "", name);
    }
}
