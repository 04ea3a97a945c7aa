package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import java.util.ArrayList;
import java.util.List;

/** Writes owners, access control lists and default privileges. */
final class AccessDdl {

    private AccessDdl() {
    }

    static String owner(Ownership o) {
        return "ALTER " + o.target() + " OWNER TO " + o.owner() + ";";
    }

    /**
     * Statements that leave exactly the list of {@code acl}: everything revoked from PUBLIC and the
     * owner first, then each entry granted in the list's order, so that the list comes out equal.
     */
    static List<String> privileges(AccessControl acl) {
        List<String> statements = new ArrayList<>();
        if (acl.column().isPresent()) {
            String column = " (" + quote(acl.column().get()) + ")";
            for (Grant g : acl.grants()) {
                statements.add("GRANT " + String.join(column + ", ", g.privileges()) + column + " ON " + acl.target()
                        + " TO " + g.grantee() + (g.withGrantOption() ? " WITH GRANT OPTION" : "") + ";");
            }
            return statements;
        }
        statements.add("REVOKE ALL ON " + acl.target() + " FROM PUBLIC;");
        statements.add("REVOKE ALL ON " + acl.target() + " FROM " + acl.owner() + ";");
        for (Grant g : acl.grants()) {
            statements.add("GRANT " + String.join(",", g.privileges()) + " ON " + acl.target() + " TO " + g.grantee()
                    + (g.withGrantOption() ? " WITH GRANT OPTION" : "") + ";");
        }
        return statements;
    }

    /** A role-wide entry replaces the built-in defaults, so those are revoked first; a schema's only adds. */
    static List<String> defaultPrivileges(DefaultPrivileges d) {
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
}
