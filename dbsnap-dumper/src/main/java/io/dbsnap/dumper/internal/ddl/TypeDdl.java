package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.UserType;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Writes {@code CREATE TYPE} and {@code CREATE DOMAIN}. */
public final class TypeDdl {

    private TypeDdl() {
    }

    /** {@code CREATE TYPE name;}: a shell, which a base type's support functions can name before it is complete. */
    static String createShell(UserType type) {
        return "CREATE TYPE " + type.name().sql() + ";";
    }

    /** @param separated the domain constraints that are created apart from the domain */
    static String create(UserType type, Predicate<ObjectId> separated) {
        if (type instanceof EnumType e) {
            return "CREATE TYPE " + e.name().sql() + " AS ENUM (\n"
                    + e.labels().stream().map(l -> "    " + Literals.string(l)).collect(Collectors.joining(",\n")) + "\n);";
        }
        if (type instanceof DomainType d) {
            return createDomain(d, separated);
        }
        if (type instanceof CompositeType c) {
            return "CREATE TYPE " + c.name().sql() + " AS (\n" + c.attributes().stream()
                    .map(a -> "\t" + quote(a.name()) + " " + a.type() + a.collation().map(x -> " COLLATE " + x.sql()).orElse(""))
                    .collect(Collectors.joining(",\n")) + "\n);";
        }
        if (type instanceof RangeType r) {
            return createRange(r);
        }
        BaseType b = (BaseType) type;
        return b.isShell() ? createShell(b)
                : "CREATE TYPE " + b.name().sql() + " (\n    " + String.join(",\n    ", b.options()) + "\n);";
    }

    private static String createDomain(DomainType d, Predicate<ObjectId> separated) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(d.name().sql()).append(" AS ").append(d.baseType());
        d.collation().ifPresent(c -> sql.append(" COLLATE ").append(c.sql()));
        d.defaultValue().ifPresent(v -> sql.append(" DEFAULT ").append(v));
        if (d.notNull()) {
            sql.append(" NOT NULL");
        }
        // a constraint added NOT VALID cannot be written inline; it follows in post-data
        d.constraints().stream().filter(c -> c.validated() && !separated.test(SeparableParts.domainConstraintId(d, c.name())))
                .forEach(c ->
                sql.append("\n\tCONSTRAINT ").append(quote(c.name())).append(' ').append(c.definition()));
        return sql.append(';').toString();
    }

    private static String createRange(RangeType r) {
        List<String> options = new ArrayList<>(List.of("subtype = " + r.subtype()));
        r.subtypeOpclass().ifPresent(o -> options.add("subtype_opclass = " + o.sql()));
        r.collation().ifPresent(o -> options.add("collation = " + o.sql()));
        r.canonical().ifPresent(o -> options.add("canonical = " + o.sql()));
        r.subtypeDiff().ifPresent(o -> options.add("subtype_diff = " + o.sql()));
        r.multirangeName().ifPresent(o -> options.add("multirange_type_name = " + o.sql()));
        return "CREATE TYPE " + r.name().sql() + " AS RANGE (\n    " + String.join(",\n    ", options) + "\n);";
    }

    /** @param separated the domain constraints that are created apart from the domain */
    public static ObjectDdl of(UserType type, Predicate<ObjectId> separated) {
        String drop = "DROP " + (type instanceof DomainType ? "DOMAIN" : "TYPE") + " IF EXISTS " + type.name().sql();
        // a base type cannot be dropped without CASCADE: its functions depend on it
        if (type instanceof BaseType base && !base.isShell()) {
            drop += " CASCADE";
        }
        return new ObjectDdl(type.id(), create(type, separated), drop + ";");
    }
}
