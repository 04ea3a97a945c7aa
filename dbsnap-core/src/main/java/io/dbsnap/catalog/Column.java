package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table column.
 *
 * @param type              the type as the server renders it ({@code format_type}), typmods included
 * @param collation         only when it differs from the type's default collation
 * @param notNullName       the name of the NOT NULL constraint (PostgreSQL 18) when it is not the
 *                          one the server would choose
 * @param defaultValue      the default expression as the server renders it ({@code pg_get_expr});
 *                          for a generated column, its generation expression
 * @param generated         whether the column is generated from {@link #defaultValue()}
 * @param identity          how an identity column is generated, {@link Identity#NONE} for others
 * @param identitySequence  the sequence behind an identity column, with its options
 * @param local             defined by this table itself, not only inherited from a parent
 * @param statisticsTarget  {@code SET STATISTICS}, when set
 * @param storage           {@code SET STORAGE} (plain, external, extended, main) when not the type's default
 * @param compression       {@code SET COMPRESSION} (pglz, lz4) when set (PostgreSQL 14 and later)
 * @param options           attribute options as {@code name=value} ({@code SET (n_distinct = ...)}), in the order set
 */
public record Column(String name, String type, Optional<QualifiedName> collation, boolean notNull,
                     Optional<String> notNullName, Optional<String> defaultValue, Generated generated, Identity identity,
                     Optional<Sequence> identitySequence, boolean local, Optional<Integer> statisticsTarget,
                     Optional<String> storage, Optional<String> compression, List<String> options) {

    /** A column without attribute options. */
    public Column(String name, String type, Optional<QualifiedName> collation, boolean notNull,
                  Optional<String> notNullName, Optional<String> defaultValue, Generated generated, Identity identity,
                  Optional<Sequence> identitySequence, boolean local, Optional<Integer> statisticsTarget,
                  Optional<String> storage, Optional<String> compression) {
        this(name, type, collation, notNull, notNullName, defaultValue, generated, identity, identitySequence, local,
                statisticsTarget, storage, compression, List.of());
    }

    public Column {
        options = List.copyOf(options);
    }

    /** A plain column: no collation, identity or generation, local, no storage settings. */
    public static Column of(String name, String type, boolean notNull, Optional<String> defaultValue) {
        return new Column(name, type, Optional.empty(), notNull, Optional.empty(), defaultValue, Generated.NONE, Identity.NONE,
                Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty());
    }

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

    /** {@code pg_attribute.attgenerated}: stored (12+) or virtual (18+). */
    public enum Generated {
        NONE, STORED, VIRTUAL;

        public static Generated fromCatalog(String code) {
            return switch (code == null ? "" : code) {
                case "s" -> STORED;
                case "v" -> VIRTUAL;
                default -> NONE;
            };
        }
    }
}
