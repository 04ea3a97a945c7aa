package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.OperatorClass;
import io.dbsnap.catalog.OperatorFamily;
import io.dbsnap.catalog.OperatorFamilyMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes {@code CREATE OPERATOR FAMILY} (with {@code ALTER OPERATOR FAMILY ... ADD} for its loose
 * members) and {@code CREATE OPERATOR CLASS}. Every family is created on its own, before its
 * classes, which name it: a class created without {@code FAMILY} would make a family itself.
 */
final class OperatorClassDdl {

    private OperatorClassDdl() {
    }

    static String create(OperatorFamily f) {
        String using = f.name().sql() + " USING " + quote(f.method());
        String sql = "CREATE OPERATOR FAMILY " + using + ";";
        if (!f.members().isEmpty()) {
            sql += "\nALTER OPERATOR FAMILY " + using + " ADD\n    " + items(f.members()) + ";";
        }
        return sql;
    }

    static String create(OperatorClass c) {
        List<String> items = new ArrayList<>(c.members().stream().map(OperatorFamilyMember::sql).toList());
        // a class must list something: pg_dump names the indexed type as storage when nothing else is there
        c.storage().or(() -> items.isEmpty() ? Optional.of(c.type()) : Optional.empty())
                .ifPresent(s -> items.add("STORAGE " + s));
        return "CREATE OPERATOR CLASS " + c.name().sql() + "\n    " + (c.isDefault() ? "DEFAULT " : "") + "FOR TYPE " + c.type()
                + " USING " + quote(c.method()) + " FAMILY " + c.family().sql() + " AS\n    "
                + String.join(",\n    ", items) + ";";
    }

    static String drop(OperatorFamily f) {
        return "DROP OPERATOR FAMILY IF EXISTS " + f.name().sql() + " USING " + quote(f.method()) + ";";
    }

    static String drop(OperatorClass c) {
        return "DROP OPERATOR CLASS IF EXISTS " + c.name().sql() + " USING " + quote(c.method()) + ";";
    }

    private static String items(List<OperatorFamilyMember> members) {
        return members.stream().map(OperatorFamilyMember::sql).collect(Collectors.joining(",\n    "));
    }

    static ObjectDdl of(OperatorFamily f) {
        return new ObjectDdl(f.id(), create(f), drop(f));
    }

    static ObjectDdl of(OperatorClass c) {
        return new ObjectDdl(c.id(), create(c), drop(c));
    }
}
