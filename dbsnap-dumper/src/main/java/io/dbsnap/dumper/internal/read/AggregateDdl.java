package io.dbsnap.dumper.internal.read;

import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes {@code CREATE AGGREGATE}: its transition function and state type, and each other option that is not its default. */
public final class AggregateDdl {

    private AggregateDdl() {
    }

    public static String create(Aggregate a) {
        // FINALFUNC_MODIFY defaults to READ_ONLY for plain aggregates, READ_WRITE for ordered-set ones.
        String defaultModify = a.kind().equals("n") ? "r" : "w";
        List<String> options = new ArrayList<>();
        options.add("SFUNC = " + a.transitionFunction());
        options.add("STYPE = " + a.stateType());
        if (a.stateSpace() != 0) {
            options.add("SSPACE = " + a.stateSpace());
        }
        option(options, "FINALFUNC", a.finalFunction());
        if (a.finalExtra()) {
            options.add("FINALFUNC_EXTRA");
        }
        if (!a.finalModify().equals(defaultModify)) {
            options.add("FINALFUNC_MODIFY = " + modify(a.finalModify()));
        }
        option(options, "COMBINEFUNC", a.combineFunction());
        option(options, "SERIALFUNC", a.serialFunction());
        option(options, "DESERIALFUNC", a.deserialFunction());
        a.initialCondition().ifPresent(c -> options.add("INITCOND = " + Literals.string(c)));
        Aggregate.MovingState m = a.moving();
        option(options, "MSFUNC", m.transitionFunction());
        option(options, "MINVFUNC", m.inverseFunction());
        option(options, "MSTYPE", m.stateType());
        if (m.stateSpace() != 0) {
            options.add("MSSPACE = " + m.stateSpace());
        }
        option(options, "MFINALFUNC", m.finalFunction());
        if (m.finalExtra()) {
            options.add("MFINALFUNC_EXTRA");
        }
        if (m.transitionFunction().isPresent() && !m.finalModify().equals(defaultModify)) {
            options.add("MFINALFUNC_MODIFY = " + modify(m.finalModify()));
        }
        m.initialCondition().ifPresent(c -> options.add("MINITCOND = " + Literals.string(c)));
        // regoperator names the operator with its argument types; SORTOP takes the name alone
        a.sortOperator().ifPresent(o -> options.add("SORTOP = OPERATOR(" + o.replaceFirst("\\(.*$", "") + ")"));
        switch (a.parallel()) {
            case "s" -> options.add("PARALLEL = safe");
            case "r" -> options.add("PARALLEL = restricted");
            default -> { }
        }
        if (a.kind().equals("h")) {
            options.add("HYPOTHETICAL");
        }
        return "CREATE AGGREGATE " + a.name().sql() + "(" + a.arguments() + ") (\n    " + String.join(",\n    ", options) + "\n)";
    }

    private static void option(List<String> options, String name, Optional<String> value) {
        value.ifPresent(v -> options.add(name + " = " + v));
    }

    private static String modify(String code) {
        return switch (code) {
            case "s" -> "SHAREABLE";
            case "w" -> "READ_WRITE";
            default -> "READ_ONLY";
        };
    }
}
