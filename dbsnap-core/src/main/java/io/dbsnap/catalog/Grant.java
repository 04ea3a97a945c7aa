package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Privileges one role holds, as one entry of an access control list.
 *
 * @param grantee    a role, or {@code PUBLIC}; quoted where SQL needs it
 * @param privileges {@code SELECT}, {@code USAGE}, ... as {@code GRANT} spells them
 * @param grantedBy  the role that granted them when it is not the object's owner: a role that
 *                   holds them {@code WITH GRANT OPTION} and passed them on (quoted where SQL
 *                   needs it); empty for the owner's own grants, which are nearly all of them
 */
public record Grant(String grantee, List<String> privileges, boolean withGrantOption, Optional<String> grantedBy) {

    public Grant {
        privileges = List.copyOf(privileges);
    }

    /** Privileges granted by the object's owner. */
    public Grant(String grantee, List<String> privileges, boolean withGrantOption) {
        this(grantee, privileges, withGrantOption, Optional.empty());
    }
}
