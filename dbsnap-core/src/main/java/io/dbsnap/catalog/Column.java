package io.dbsnap.catalog;

import java.util.Optional;

/**
 * A table column.
 *
 * @param type         the type as the server renders it ({@code format_type}), typmods included
 * @param defaultValue the default expression as the server renders it ({@code pg_get_expr})
 * @param identity     how an identity column is generated, {@link Identity#NONE} for others
 */
public record Column(String name, String type, boolean notNull, Optional<String> defaultValue, Identity identity) {

    /** {@code pg_attribute.attidentity}. */
    public enum Identity {
        NONE, ALWAYS, BY_DEFAULT;

        public static Identity fromCatalog(String code) {
            return switch (code == null ? "" : code) {
                case "a" -> ALWAYS;
                case "d" -> BY_DEFAULT;
                default -> NONE;
            };
        }
    }
}
