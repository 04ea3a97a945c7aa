package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Routine;
import java.util.Optional;

/**
 * Compares functions, procedures and aggregates, matched by name and identity arguments (so
 * that overloads stay apart). A function's definition is taken apart ({@link FunctionDefinition})
 * to tell which property changed: arguments and their defaults, result, language, volatility,
 * security definer, settings, body. An aggregate's definition is compared whole.
 */
final class RoutineComparison {

    private RoutineComparison() {
    }

    static void compare(Catalog before, Catalog after, ChangeList changes) {
        changes.compare(before.routines(), after.routines(), RoutineComparison::subject, RoutineComparison::compare);
    }

    static Subject subject(Routine routine) {
        SubjectKind kind = switch (routine.kind()) {
            case FUNCTION -> SubjectKind.FUNCTION;
            case PROCEDURE -> SubjectKind.PROCEDURE;
            case AGGREGATE -> SubjectKind.AGGREGATE;
        };
        return Subject.withSignature(kind, routine.name(), routine.signature());
    }

    private static void compare(Routine before, Routine after, Differences differences) {
        Optional<FunctionDefinition> first = FunctionDefinition.parse(before.definition());
        Optional<FunctionDefinition> second = FunctionDefinition.parse(after.definition());
        if (first.isEmpty() || second.isEmpty()) {
            differences.definition("definition", before.definition(), after.definition());
            return;
        }
        FunctionDefinition a = first.get();
        FunctionDefinition b = second.get();
        differences.value("arguments", a.arguments(), b.arguments());
        differences.value("returns", a.returns(), b.returns());
        differences.value("language", a.language(), b.language());
        differences.value("transforms", a.transforms(), b.transforms());
        differences.value("volatility", a.volatility(), b.volatility());
        differences.value("parallel", a.parallel(), b.parallel());
        differences.value("strict", a.strict(), b.strict());
        differences.value("security", a.security(), b.security());
        differences.value("leakproof", a.leakproof(), b.leakproof());
        differences.value("window", a.window(), b.window());
        differences.value("cost", a.cost(), b.cost());
        differences.value("rows", a.rows(), b.rows());
        differences.value("support", a.support(), b.support());
        differences.members("setting", a.settings(), b.settings());
        if (!a.comparableBody().equals(b.comparableBody())) {
            differences.add(Difference.of("body", a.body(), b.body()));
        }
    }
}
