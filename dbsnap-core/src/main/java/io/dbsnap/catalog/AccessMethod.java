package io.dbsnap.catalog;

/**
 * {@code CREATE ACCESS METHOD}; database-wide.
 *
 * @param type    {@code INDEX} or {@code TABLE}
 * @param handler the handler function ({@code regproc})
 */
public record AccessMethod(String name, String type, String handler) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.ACCESS_METHOD, "", name);
    }
}
