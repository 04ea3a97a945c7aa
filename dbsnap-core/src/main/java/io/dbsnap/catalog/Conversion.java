package io.dbsnap.catalog;

/**
 * {@code CREATE [DEFAULT] CONVERSION}.
 *
 * @param sourceEncoding the encoding converted from, e.g. {@code LATIN1}
 * @param targetEncoding the encoding converted to
 * @param function       the conversion function ({@code regproc})
 */
public record Conversion(QualifiedName name, String sourceEncoding, String targetEncoding, String function,
                         boolean isDefault) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.CONVERSION, name.schema(), name.name());
    }
}
