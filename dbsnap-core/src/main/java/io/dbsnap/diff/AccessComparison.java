package io.dbsnap.diff;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.Ownership;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares owners, privileges and default privileges, when both catalogs recorded them and the
 * options ask for them. Privileges are compared grantee by grantee; one taken away is a risk.
 * The owner and grants of an object added or removed come and go with it.
 */
final class AccessComparison {

    /** How the owner's own privileges are named in a comparison of privileges. */
    static final String OWNER = "(owner)";

    private AccessComparison() {
    }

    static void compare(Catalog before, Catalog after, DiffOptions options, UnmatchedTargets unmatched, ChangeList changes) {
        // Every object has an owner, so a catalog without any did not record them (one built by
        // hand, or by a tool that leaves them out); nothing can be said about its privileges either.
        if (before.owners().isEmpty() || after.owners().isEmpty()) {
            return;
        }
        RangeConstructors constructorsBefore = RangeConstructors.of(before);
        RangeConstructors constructorsAfter = RangeConstructors.of(after);
        if (options.owners()) {
            changes.compare(withoutUnmatched(before.owners(), constructorsBefore, unmatched),
                    withoutUnmatched(after.owners(), constructorsAfter, unmatched),
                    o -> annotation(SubjectKind.OWNER, o.target()),
                    (a, b, d) -> d.value("owner", a.owner(), b.owner()),
                    (o, added, contents) -> contents.add(added ? Difference.added("owner", o.owner())
                            : Difference.removed("owner", o.owner())));
        }
        if (options.privileges()) {
            changes.compare(withoutUnmatchedPrivileges(before.privileges(), constructorsBefore, unmatched),
                    withoutUnmatchedPrivileges(after.privileges(), constructorsAfter, unmatched),
                    p -> annotation(SubjectKind.PRIVILEGES, target(p)),
                    // who owns is the owners' comparison's: here the owner's own privileges are the owner's,
                    // whoever that is, so that ALTER ... OWNER TO (which moves them) is no privilege change
                    (a, b, d) -> compareGrants(ownersAsOwner(a), ownersAsOwner(b), true, d),
                    (p, added, contents) -> describe(p, added, contents));
            changes.compare(before.defaultPrivileges().stream().filter(p -> !inUnmatchedSchema(p, unmatched)).toList(),
                    after.defaultPrivileges().stream().filter(p -> !inUnmatchedSchema(p, unmatched)).toList(),
                    AccessComparison::subject,
                    (a, b, d) -> compareGrants(a.grants(), b.grants(), false, d),
                    (p, added, contents) -> contents.add(added ? Difference.added("grants", text(p.grants()))
                            : Difference.removed("grants", text(p.grants()))));
        }
    }

    /** Without the owners of objects added or removed, and of range types' constructors (they come with their type). */
    private static List<Ownership> withoutUnmatched(List<Ownership> owners, RangeConstructors constructors,
                                                    UnmatchedTargets unmatched) {
        return owners.stream().filter(o -> !unmatched.contains(o.target()) && !constructors.named(o.target())).toList();
    }

    /** Without the privileges of objects added or removed, a column's among them, and of range types' constructors. */
    private static List<AccessControl> withoutUnmatchedPrivileges(List<AccessControl> privileges,
                                                                  RangeConstructors constructors, UnmatchedTargets unmatched) {
        return privileges.stream().filter(p -> !unmatched.contains(p.target()) && !unmatched.contains(target(p))
                && !constructors.named(p.target())).toList();
    }

    private static Subject annotation(SubjectKind kind, String target) {
        return new Subject(kind, TargetName.schemaOf(target), Optional.empty(), target, Optional.empty());
    }

    /** The object the privileges are on; for a column's, {@code COLUMN schema.table.column}. */
    private static String target(AccessControl privileges) {
        return privileges.column()
                .map(column -> "COLUMN " + privileges.target().substring(privileges.target().indexOf(' ') + 1) + "."
                        + Identifiers.quote(column))
                .orElse(privileges.target());
    }

    private static Subject subject(DefaultPrivileges defaults) {
        String name = "for role " + defaults.role() + defaults.schema().map(s -> " in schema " + Identifiers.quote(s)).orElse("")
                + " on " + defaults.objectType();
        return new Subject(SubjectKind.DEFAULT_PRIVILEGES, defaults.schema().orElse(""), Optional.empty(), name,
                Optional.empty());
    }

    private static boolean inUnmatchedSchema(DefaultPrivileges defaults, UnmatchedTargets unmatched) {
        return defaults.schema().map(s -> unmatched.contains("SCHEMA " + Identifiers.quote(s))).orElse(false);
    }

    /**
     * The grants of privileges only one side lists: added, they are new grants; removed, the
     * object went back to the built-in defaults, which give roles other than the owner nothing
     * on tables, sequences and schemas, so grants to them are revoked. An object that comes with
     * an extension went back to, or away from, the list it was created with: what differs from
     * that list is the change.
     */
    private static void describe(AccessControl privileges, boolean added, Differences contents) {
        if (privileges.initial().isPresent()) {
            List<Grant> initial = privileges.initial().get();
            compareGrants(added ? initial : privileges.grants(), added ? privileges.grants() : initial, true, contents);
        } else if (added) {
            contents.add(Difference.added("grants", text(privileges.grants())));
        } else {
            contents.add(Difference.removed("grants", text(privileges.grants())));
            if (privileges.grants().stream().anyMatch(g -> !g.grantee().equals(privileges.owner()))) {
                contents.risk(Risk.PRIVILEGE_REVOKED);
            }
        }
    }

    /** The grants with the owner's own named {@value #OWNER}. */
    private static List<Grant> ownersAsOwner(AccessControl privileges) {
        return privileges.grants().stream()
                .map(g -> g.grantee().equals(privileges.owner()) ? new Grant(OWNER, g.privileges(), g.withGrantOption(), g.grantedBy()) : g)
                .toList();
    }

    /** Grantee by grantee: {@code privileges of app_reader: SELECT → SELECT, INSERT}. */
    private static void compareGrants(List<Grant> before, List<Grant> after, boolean revokingIsRisky, Differences differences) {
        Map<String, Set<String>> first = byGrantee(before);
        Map<String, Set<String>> second = byGrantee(after);
        Set<String> grantees = new LinkedHashSet<>(first.keySet());
        grantees.addAll(second.keySet());
        for (String grantee : grantees) {
            Set<String> a = first.getOrDefault(grantee, Set.of());
            Set<String> b = second.getOrDefault(grantee, Set.of());
            if (a.equals(b)) {
                continue;
            }
            differences.value("privileges of " + grantee, List.copyOf(a), List.copyOf(b));
            if (revokingIsRisky && !b.containsAll(a)) {
                differences.risk(Risk.PRIVILEGE_REVOKED);
            }
        }
    }

    /**
     * Each grantee's privileges, {@code SELECT} or {@code SELECT WITH GRANT OPTION}, then
     * {@code GRANTED BY role} when passed on by a role other than the owner, in the catalog's order.
     */
    private static Map<String, Set<String>> byGrantee(List<Grant> grants) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (Grant grant : grants) {
            Set<String> privileges = map.computeIfAbsent(grant.grantee(), g -> new LinkedHashSet<>());
            String suffix = (grant.withGrantOption() ? " WITH GRANT OPTION" : "")
                    + grant.grantedBy().map(r -> " GRANTED BY " + r).orElse("");
            grant.privileges().forEach(p -> privileges.add(p + suffix));
        }
        return map;
    }

    /** All grants in one line: {@code app_reader: SELECT; PUBLIC: USAGE}. */
    private static String text(List<Grant> grants) {
        return byGrantee(grants).entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
