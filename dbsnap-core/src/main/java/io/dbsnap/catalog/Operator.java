package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE OPERATOR}. Operator names are symbols and never quoted; types and functions are
 * rendered by the server.
 *
 * @param leftType   absent for a prefix operator
 * @param rightType  absent for a postfix operator (PostgreSQL 13 and older)
 * @param commutator {@code OPERATOR(schema.name)}
 * @param negator    {@code OPERATOR(schema.name)}
 */
public record Operator(QualifiedName name, Optional<String> leftType, Optional<String> rightType, String function,
                       Optional<String> commutator, Optional<String> negator, Optional<String> restrict,
                       Optional<String> join, boolean hashes, boolean merges) {

    /** {@code schema.name}, the form {@code CREATE OPERATOR} and {@code COMMENT ON OPERATOR} take. */
    public String sql() {
        return Identifiers.quote(name.schema()) + "." + name.name();
    }

    /** {@code (left, right)} with {@code NONE} for a missing side. */
    public String arguments() {
        return "(" + leftType.orElse("NONE") + ", " + rightType.orElse("NONE") + ")";
    }

    public ObjectId id() {
        return new ObjectId(ObjectKind.OPERATOR, name.schema(), name.name(), leftType.orElse("NONE") + ", " + rightType.orElse("NONE"));
    }
}
