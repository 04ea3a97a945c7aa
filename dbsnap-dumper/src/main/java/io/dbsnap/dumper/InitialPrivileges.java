package io.dbsnap.dumper;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the privileges of the objects a database comes with (schema {@code public}) and of
 * extension members back to the lists they were created with. A script records only how they
 * differ from those lists, as pg_dump does; it leaves a grant made later on schema
 * {@code public} (which no restore drops) in place, so an exact restore runs these first.
 */
public final class InitialPrivileges {

    private InitialPrivileges() {
    }

    /** The statements that undo, on the objects of {@code current}, every change to their initial lists. */
    public static List<String> restore(Catalog current) {
        List<String> statements = new ArrayList<>();
        for (AccessControl acl : current.privileges()) {
            acl.initial().ifPresent(initial -> statements.addAll(AccessDdl.privileges(
                    new AccessControl(acl.target(), acl.column(), acl.owner(), initial, Optional.of(acl.grants())))));
        }
        return statements;
    }
}
