package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the objects a database comes with (schema {@code public}, the objects of
 * {@code pg_catalog}, built-in languages) and extension members back to the owner and privileges
 * they were created with. A script records only how they differ from those, as pg_dump does, and
 * no restore drops these objects, so an exact restore runs these statements first; otherwise a
 * grant made or an owner changed after the snapshot would survive it.
 */
public final class InitialPrivileges {

    /** Schema {@code public}'s owner in a new database: pg_database_owner from PostgreSQL 15 on, before it the bootstrap superuser. */
    private static final String PUBLIC_TO_DEFAULT_OWNER = "DO $$ BEGIN EXECUTE pg_catalog.format("
            + "'ALTER SCHEMA public OWNER TO %I', (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid ="
            + " CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 150000 THEN 6171 ELSE 10 END)); END $$;";

    private InitialPrivileges() {
    }

    /**
     * The statements that undo, on the objects of {@code current}, every change to their initial
     * lists and, with {@code owners}, to the owner of schema {@code public}. The lists first: each
     * is reset relative to the current owner, and {@code ALTER ... OWNER} then carries it over.
     */
    public static List<String> restore(Catalog current, boolean owners, boolean privileges) {
        List<String> statements = new ArrayList<>();
        if (privileges) {
            current.privileges().stream().filter(acl -> acl.initial().isPresent())
                    .forEach(acl -> statements.addAll(AccessDdl.undo(acl)));
        }
        // the catalog lists public's owner only when it is not the default one
        if (owners && current.owners().stream().anyMatch(o -> o.target().equals("SCHEMA public"))) {
            statements.add(PUBLIC_TO_DEFAULT_OWNER);
        }
        return statements;
    }
}
