package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes {@code CREATE POLICY} and a table's row level security switches. */
public final class PolicyDdl {

    private PolicyDdl() {
    }

    public static String create(Policy p) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quote(p.name())).append(" ON ")
                .append(p.table().sql());
        if (!p.permissive()) {
            sql.append(" AS RESTRICTIVE");
        }
        if (!p.command().equals("ALL")) {
            sql.append(" FOR ").append(p.command());
        }
        // "public" is the PUBLIC pseudo-role and must stay unquoted; real roles are identifiers.
        sql.append(" TO ").append(p.roles().stream().map(r -> r.equals("public") ? "PUBLIC" : quote(r))
                .collect(Collectors.joining(", ")));
        p.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        p.withCheck().ifPresent(w -> sql.append(" WITH CHECK (").append(w).append(')'));
        return sql.append(';').toString();
    }

    /** {@code ENABLE} and {@code FORCE ROW LEVEL SECURITY}, where the table has them. */
    public static List<String> rowSecurity(Table t) {
        List<String> statements = new ArrayList<>();
        if (t.rowSecurity()) {
            statements.add("ALTER TABLE " + t.name().sql() + " ENABLE ROW LEVEL SECURITY;");
        }
        if (t.forceRowSecurity()) {
            statements.add("ALTER TABLE " + t.name().sql() + " FORCE ROW LEVEL SECURITY;");
        }
        return statements;
    }

    /**
     * {@code ALTER POLICY}, where it can turn {@code a} into {@code b}: same command and kind
     * (permissive or restrictive), and no expression taken away (ALTER POLICY sets, never removes).
     */
    public static Optional<String> alter(Policy a, Policy b) {
        if (a.permissive() != b.permissive() || !a.command().equals(b.command())
                || (a.using().isPresent() && b.using().isEmpty()) || (a.withCheck().isPresent() && b.withCheck().isEmpty())) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("ALTER POLICY ").append(quote(b.name())).append(" ON ").append(b.table().sql());
        if (!a.roles().equals(b.roles())) {
            sql.append(" TO ").append(b.roles().stream().map(r -> r.equals("public") ? "PUBLIC" : quote(r))
                    .collect(Collectors.joining(", ")));
        }
        if (!a.using().equals(b.using())) {
            sql.append(" USING (").append(b.using().orElseThrow()).append(')');
        }
        if (!a.withCheck().equals(b.withCheck())) {
            sql.append(" WITH CHECK (").append(b.withCheck().orElseThrow()).append(')');
        }
        return Optional.of(sql.append(';').toString());
    }

    public static String drop(Policy p) {
        return "DROP POLICY IF EXISTS " + quote(p.name()) + " ON " + p.table().sql() + ";";
    }

    /** What undoes {@link #rowSecurity}: both flags off (each is set again where the other side has it). */
    public static String noRowSecurity(Table t) {
        return "ALTER TABLE " + t.name().sql() + " NO FORCE ROW LEVEL SECURITY;\nALTER TABLE " + t.name().sql()
                + " DISABLE ROW LEVEL SECURITY;";
    }
}
