package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes owners, access control lists and default privileges. */
public final class AccessDdl {

    private AccessDdl() {
    }

    public static String owner(Ownership o) {
        return "ALTER " + o.target() + " OWNER TO " + o.owner() + ";";
    }

    /**
     * Statements that leave exactly the list of {@code acl}: everything revoked from PUBLIC and the
     * owner first, then each entry granted in the list's order, so that the list comes out equal.
     */
    public static List<String> privileges(AccessControl acl) {
        if (acl.initial().isPresent()) {
            return changes(acl, acl.initial().get());
        }
        List<String> statements = new ArrayList<>();
        if (acl.column().isEmpty()) {
            statements.add("REVOKE ALL ON " + acl.target() + " FROM PUBLIC;");
            statements.add("REVOKE ALL ON " + acl.target() + " FROM " + acl.owner() + ";");
        }
        acl.grants().forEach(g -> statements.addAll(grant(acl, g)));
        return statements;
    }

    /**
     * The statements that turn {@code initial} into the list of {@code acl}, as pg_dump's
     * {@code buildACLCommands} does with a base list: each grantee whose entry changed loses the
     * whole initial entry, then gets the new one. Only these are written because the object is
     * created by {@code initdb} or {@code CREATE EXTENSION} with its initial list, not by the script.
     */
    private static List<String> changes(AccessControl acl, List<Grant> initial) {
        Map<String, Set<String>> before = entries(initial);
        Map<String, Set<String>> after = entries(acl.grants());
        List<String> statements = new ArrayList<>();
        before.forEach((grantee, privileges) -> {
            if (!privileges.equals(after.get(grantee))) {
                List<String> names = privileges.stream().map(p -> p.replaceAll("[*/].*$", "")).distinct().toList();
                statements.add("REVOKE " + privilegeList(names, acl) + " ON " + acl.target() + " FROM " + grantee + ";");
            }
        });
        for (Grant g : acl.grants()) {
            if (!after.get(g.grantee()).equals(before.get(g.grantee()))) {
                statements.addAll(grant(acl, g));
            }
        }
        return statements;
    }

    /**
     * One {@code GRANT}; one passed on by a role other than the owner is made as that role, so
     * that the restored list names the same grantor (pg_dump uses {@code SET SESSION
     * AUTHORIZATION}, which only a superuser may run; {@code SET ROLE} needs only membership).
     */
    private static List<String> grant(AccessControl acl, Grant g) {
        String grant = "GRANT " + privilegeList(g.privileges(), acl) + " ON " + acl.target() + " TO " + g.grantee()
                + (g.withGrantOption() ? " WITH GRANT OPTION" : "") + ";";
        return g.grantedBy().map(grantor -> List.of("SET ROLE " + grantor + ";", grant, "RESET ROLE;"))
                .orElse(List.of(grant));
    }

    /** {@code SELECT,UPDATE}, or for a column's list {@code SELECT (c), UPDATE (c)}. */
    private static String privilegeList(List<String> privileges, AccessControl acl) {
        return acl.column().map(c -> " (" + quote(c) + ")")
                .map(column -> String.join(column + ", ", privileges) + column)
                .orElse(String.join(",", privileges));
    }

    /** Each grantee's privileges, {@code SELECT}, {@code SELECT*} with the grant option, then {@code /grantor} if not the owner. */
    private static Map<String, Set<String>> entries(List<Grant> grants) {
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        for (Grant g : grants) {
            Set<String> privileges = entries.computeIfAbsent(g.grantee(), k -> new LinkedHashSet<>());
            String suffix = (g.withGrantOption() ? "*" : "") + g.grantedBy().map(r -> "/" + r).orElse("");
            g.privileges().forEach(p -> privileges.add(p + suffix));
        }
        return entries;
    }

    /** A role-wide entry replaces the built-in defaults, so those are revoked first; a schema's only adds. */
    public static List<String> defaultPrivileges(DefaultPrivileges d) {
        String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + d.role()
                + d.schema().map(s -> " IN SCHEMA " + quote(s)).orElse("");
        List<String> statements = new ArrayList<>();
        if (d.schema().isEmpty()) {
            statements.add(prefix + " REVOKE ALL ON " + d.objectType() + " FROM PUBLIC;");
            statements.add(prefix + " REVOKE ALL ON " + d.objectType() + " FROM " + d.role() + ";");
        }
        for (Grant g : d.grants()) {
            statements.add(prefix + " GRANT " + String.join(",", g.privileges()) + " ON " + d.objectType() + " TO "
                    + g.grantee() + (g.withGrantOption() ? " WITH GRANT OPTION" : "") + ";");
        }
        return statements;
    }

    /** What the grants on {@code acl}'s target are keyed by in a plan: the target and the column. */
    public static String key(AccessControl acl) {
        return "privileges on " + acl.target() + acl.column().map(c -> " column " + c).orElse("");
    }

    /**
     * The statements that take the list of {@code acl} away again: back to the initial list for an
     * object the script did not create, else every grant revoked, the owner's included, and the
     * built-in grants to PUBLIC of functions, types and languages given back. The other side's
     * list, if it has one, is then written as usual.
     */
    public static List<String> undo(AccessControl acl) {
        if (acl.initial().isPresent()) {
            return privileges(new AccessControl(acl.target(), acl.column(), acl.owner(), acl.initial().get(),
                    Optional.of(acl.grants())));
        }
        List<String> statements = new ArrayList<>();
        String columns = acl.column().map(c -> " (" + quote(c) + ")").orElse("");
        for (String grantee : entries(acl.grants()).keySet()) {
            statements.add("REVOKE ALL" + columns + " ON " + acl.target() + " FROM " + grantee + " CASCADE;");
        }
        if (acl.column().isEmpty()) {
            statements.add("GRANT ALL ON " + acl.target() + " TO " + acl.owner() + ";");
            if (acl.target().matches("(FUNCTION|PROCEDURE|TYPE|DOMAIN|LANGUAGE) .*")) {
                statements.add("GRANT ALL ON " + acl.target() + " TO PUBLIC;");
            }
        }
        return statements;
    }
}
