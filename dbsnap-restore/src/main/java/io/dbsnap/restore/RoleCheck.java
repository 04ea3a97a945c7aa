package io.dbsnap.restore;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.MissingRolesException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks, before a restore changes anything, that the server has every role the snapshot's
 * owners and grants name, and that the restoring role may act as each owner ({@code ALTER ...
 * OWNER TO} and {@code ALTER DEFAULT PRIVILEGES FOR ROLE} need a superuser or a member of that
 * role) and as each role that passed a grant on. Otherwise the restore would fail on its first
 * such statement, after minutes of work, with a message about one role only.
 */
final class RoleCheck {

    private static final String PUBLIC = "PUBLIC";

    private RoleCheck() {
    }

    /**
     * @param owners     whether the script's owners will be set
     * @param privileges whether its grants will be
     * @throws MissingRolesException listing every role that is missing, or else every one the
     *                               restoring role may not become
     */
    static void check(Connection connection, Catalog snapshot, boolean owners, boolean privileges) {
        Set<String> named = new TreeSet<>();
        Set<String> actedAs = new TreeSet<>();
        if (owners) {
            snapshot.owners().stream().map(Ownership::owner).forEach(named::add);
            actedAs.addAll(named);
        }
        if (privileges) {
            for (AccessControl acl : snapshot.privileges()) {
                if (acl.initial().isPresent()) {
                    // written as the changes to the initial list: only the grantees whose entry changed
                    named.addAll(changedGrantees(acl.initial().get(), acl.grants()));
                } else {
                    named.add(acl.owner());
                    acl.grants().stream().map(Grant::grantee).forEach(named::add);
                }
                // a grant passed on by a role other than the owner is made as that role (SET ROLE)
                acl.grants().stream().flatMap(g -> g.grantedBy().stream()).forEach(grantor -> {
                    named.add(grantor);
                    actedAs.add(grantor);
                });
            }
            for (DefaultPrivileges d : snapshot.defaultPrivileges()) {
                named.add(d.role());
                actedAs.add(d.role());
                d.grants().stream().map(Grant::grantee).forEach(named::add);
            }
        }
        named.remove(PUBLIC);
        if (named.isEmpty()) {
            return;
        }
        try {
            List<String> missing = query(connection, "SELECT r FROM pg_catalog.unnest(?::text[]) r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM pg_catalog.pg_roles o WHERE pg_catalog.quote_ident(o.rolname) = r) ORDER BY 1", named);
            if (!missing.isEmpty()) {
                throw new MissingRolesException("The snapshot names " + (missing.size() == 1 ? "a role" : missing.size()
                        + " roles") + " this server does not have: " + String.join(", ", missing) + ". Create "
                        + (missing.size() == 1 ? "it" : "them") + " first (CREATE ROLE ...), or restore without the"
                        + " snapshot's owners and grants (--no-owner / --no-privileges; RestoreOptions.noOwner() /"
                        + " noPrivileges()). Nothing was changed.", missing);
            }
            // PostgreSQL 16 separates the right to SET ROLE from membership; ALTER ... OWNER TO needs it
            String right = connection.getMetaData().getDatabaseMajorVersion() >= 16 ? "SET" : "MEMBER";
            List<String> notAllowed = query(connection, "SELECT r FROM pg_catalog.unnest(?::text[]) r"
                    + " JOIN pg_catalog.pg_roles o ON pg_catalog.quote_ident(o.rolname) = r"
                    + " WHERE NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)"
                    + " AND NOT pg_catalog.pg_has_role(current_user, o.oid, '" + right + "') ORDER BY 1", actedAs);
            if (!notAllowed.isEmpty()) {
                throw new MissingRolesException("The snapshot's objects are owned by " + String.join(", ", notAllowed)
                        + ", but the role running the restore (" + currentUser(connection) + ") is not a superuser and"
                        + " may not SET ROLE to " + (notAllowed.size() == 1 ? "it" : "them") + ", so it cannot make "
                        + (notAllowed.size() == 1 ? "that role" : "those roles") + " the owner (ALTER ... OWNER TO),"
                        + " set its default privileges or make the grants it passed on. Restore as a superuser or a"
                        + " member of " + (notAllowed.size() == 1 ? "that role" : "each") + " (GRANT role TO restorer), or without the"
                        + " snapshot's owners (--no-owner; RestoreOptions.noOwner()). Nothing was changed.", notAllowed);
            }
        } catch (SQLException e) {
            throw new DbSnapException("Could not check the roles the snapshot names: " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "). Nothing was changed.", e);
        }
    }

    private static Set<String> changedGrantees(List<Grant> initial, List<Grant> grants) {
        Map<String, Set<String>> before = entries(initial);
        Map<String, Set<String>> after = entries(grants);
        Set<String> changed = new TreeSet<>();
        before.keySet().stream().filter(g -> !before.get(g).equals(after.get(g))).forEach(changed::add);
        after.keySet().stream().filter(g -> !after.get(g).equals(before.get(g))).forEach(changed::add);
        return changed;
    }

    private static Map<String, Set<String>> entries(List<Grant> grants) {
        Map<String, Set<String>> entries = new HashMap<>();
        for (Grant g : grants) {
            g.privileges().forEach(p -> entries.computeIfAbsent(g.grantee(), k -> new HashSet<>())
                    .add(g.withGrantOption() ? p + "*" : p));
        }
        return entries;
    }

    private static List<String> query(Connection connection, String sql, Set<String> roles) throws SQLException {
        List<String> found = new ArrayList<>();
        if (roles.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", roles.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_catalog.quote_ident(current_user)");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
