package io.dbsnap.catalog;

import java.util.List;

/**
 * Privileges one role holds, as one entry of an access control list.
 *
 * @param grantee    a role, or {@code PUBLIC}; quoted where SQL needs it
 * @param privileges {@code SELECT}, {@code USAGE}, ... as {@code GRANT} spells them
 */
public record Grant(String grantee, List<String> privileges, boolean withGrantOption) {

    public Grant {
        privileges = List.copyOf(privileges);
    }
}
