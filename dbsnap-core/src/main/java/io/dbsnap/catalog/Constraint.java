package io.dbsnap.catalog;

/**
 * A table constraint.
 *
 * @param definition as the server renders it ({@code pg_get_constraintdef}), e.g.
 *                   {@code PRIMARY KEY (id)}
 */
public record Constraint(String schema, String table, String name, Type type, String definition) {

    /** {@code pg_constraint.contype}. */
    public enum Type {
        CHECK, PRIMARY_KEY, UNIQUE, FOREIGN_KEY, EXCLUSION;

        public static Type fromCatalog(String code) {
            return switch (code) {
                case "c" -> CHECK;
                case "p" -> PRIMARY_KEY;
                case "u" -> UNIQUE;
                case "f" -> FOREIGN_KEY;
                case "x" -> EXCLUSION;
                default -> throw new IllegalArgumentException("unknown constraint type '" + code + "'");
            };
        }
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.CONSTRAINT, schema, table + "." + name);
    }
}
