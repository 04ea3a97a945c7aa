package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Operator;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE OPERATOR}. */
public final class OperatorDdl {

    private OperatorDdl() {
    }

    static String create(Operator o) {
        List<String> options = new ArrayList<>(List.of("FUNCTION = " + o.function()));
        o.leftType().ifPresent(t -> options.add("LEFTARG = " + t));
        o.rightType().ifPresent(t -> options.add("RIGHTARG = " + t));
        o.commutator().ifPresent(c -> options.add("COMMUTATOR = " + c));
        o.negator().ifPresent(n -> options.add("NEGATOR = " + n));
        if (o.merges()) {
            options.add("MERGES");
        }
        if (o.hashes()) {
            options.add("HASHES");
        }
        o.restrict().ifPresent(r -> options.add("RESTRICT = " + r));
        o.join().ifPresent(j -> options.add("JOIN = " + j));
        return "CREATE OPERATOR " + o.sql() + " (\n    " + String.join(",\n    ", options) + "\n);";
    }

    public static ObjectDdl of(Operator o) {
        return new ObjectDdl(o.id(), create(o), "DROP OPERATOR IF EXISTS " + o.sql() + " " + o.arguments() + ";");
    }
}
