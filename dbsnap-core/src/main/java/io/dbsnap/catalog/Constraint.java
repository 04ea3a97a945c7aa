package io.dbsnap.catalog;

/**
 * A table constraint.
 *
 * @param definition as the server renders it ({@code pg_get_constraintdef}), e.g.
 *                   {@code PRIMARY KEY (id)}
 * @param local      defined on this table, not only inherited
 * @param validated  false for a constraint added {@code NOT VALID}
 */
public record Constraint(QualifiedName table, String name, Type type, String definition, boolean local,
                         boolean validated) {

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
        return ObjectId.of(ObjectKind.CONSTRAINT, table.schema(), table.name() + "." + name);
    }
}
