package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A row-level security policy.
 *
 * @param command   ALL, SELECT, INSERT, UPDATE or DELETE
 * @param roles     role names; {@code public} for everyone
 * @param using     the USING expression as the server renders it
 * @param withCheck the WITH CHECK expression as the server renders it
 */
public record Policy(QualifiedName table, String name, boolean permissive, String command,
                     List<String> roles, Optional<String> using, Optional<String> withCheck) {

    public Policy {
        roles = List.copyOf(roles);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.POLICY, table.schema(), table.name() + "." + name);
    }
}
