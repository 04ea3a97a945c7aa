package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Rule;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE RULE} (the server's own text) with the rule's enabled state. */
public final class RuleDdl {

    private RuleDdl() {
    }

    public static List<String> create(Rule rule) {
        List<String> statements = new ArrayList<>();
        statements.add(rule.definition() + ";");
        String state = EnabledState.words(rule.enabled());
        if (state != null) {
            statements.add("ALTER TABLE " + rule.table().sql() + " " + state + " RULE " + quote(rule.name()) + ";");
        }
        return statements;
    }

    public static String drop(Rule rule) {
        return "DROP RULE IF EXISTS " + quote(rule.name()) + " ON " + rule.table().sql() + ";";
    }
}
