package io.dbsnap.restore;

import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.restore.script.StatementKind;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Recognises the statements of a script that set owners and privileges, in the shapes dbsnap's
 * dumper and pg_dump write them, so that a restore can leave them out ({@code --no-owner},
 * {@code --no-privileges}) the way pg_restore does.
 */
final class AccessStatements {

    /** {@code ALTER <object> OWNER TO <role>;}: the owner is the statement's last word. */
    private static final Pattern OWNER = Pattern.compile(
            "(?is)\\s*ALTER\\s.*\\sOWNER\\s+TO\\s+(\"(?:[^\"]|\"\")+\"|[^\\s;\"]+)\\s*;?\\s*");
    /**
     * Grants, and the role switches around a grant passed on by a role other than the owner
     * ({@code SET ROLE} in dbsnap's scripts, {@code SET SESSION AUTHORIZATION} in pg_dump's), which
     * would fail on a server without that role.
     */
    private static final Pattern PRIVILEGE = Pattern.compile(
            "(?is)\\s*(GRANT|REVOKE|ALTER\\s+DEFAULT\\s+PRIVILEGES|(RE)?SET\\s+ROLE|(RE)?SET\\s+SESSION\\s+AUTHORIZATION)\\b.*");

    private AccessStatements() {
    }

    /** The statements to leave out: owners unless {@code owners}, grants unless {@code privileges}. */
    static Predicate<ScriptStatement> leftOut(boolean owners, boolean privileges) {
        return statement -> statement.kind() == StatementKind.SQL
                && ((!owners && isOwner(statement.sql())) || (!privileges && isPrivilege(statement.sql())));
    }

    static boolean isOwner(String sql) {
        return OWNER.matcher(sql).matches();
    }

    static boolean isPrivilege(String sql) {
        return PRIVILEGE.matcher(sql).matches();
    }
}
