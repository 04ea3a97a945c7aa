package io.dbsnap.catalog;

/**
 * A rewrite rule that is not a view's own {@code _RETURN} rule.
 *
 * @param definition the {@code CREATE RULE} statement without its semicolon ({@code pg_get_ruledef})
 * @param enabled    as for {@link Trigger#enabled()}
 */
public record Rule(QualifiedName table, String name, String definition, String enabled) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.RULE, table.schema(), table.name() + "." + name);
    }
}
