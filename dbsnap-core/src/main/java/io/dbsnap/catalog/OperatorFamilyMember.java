package io.dbsnap.catalog;

import java.util.Optional;

/**
 * An operator or support function of an operator class or family ({@code pg_amop},
 * {@code pg_amproc}), as {@code CREATE OPERATOR CLASS} and {@code ALTER OPERATOR FAMILY ... ADD} list it.
 *
 * @param function    a support function ({@code FUNCTION n}) rather than an operator ({@code OPERATOR n})
 * @param number      the strategy or support number
 * @param types       for a function, its {@code (left, right)} types; empty for an operator
 * @param object      the operator with its argument types ({@code regoperator}) or the function with
 *                    its argument types ({@code regprocedure}), qualified where outside pg_catalog
 * @param orderFamily the family of an ordering operator's result ({@code FOR ORDER BY})
 */
public record OperatorFamilyMember(boolean function, int number, String types, String object,
                                   Optional<QualifiedName> orderFamily) {

    /** The item as the statements write it. */
    public String sql() {
        if (function) {
            return "FUNCTION " + number + " " + types + " " + object;
        }
        return "OPERATOR " + number + " " + object + orderFamily.map(f -> " FOR ORDER BY " + f.sql()).orElse("");
    }
}
