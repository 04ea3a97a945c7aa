package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER DEFAULT PRIVILEGES}: what objects a role creates later will grant.
 *
 * @param schema     the schema the entry is limited to; empty for the role's own defaults, which
 *                   replace the built-in ones, where a schema's entry only adds to them
 * @param objectType {@code TABLES}, {@code SEQUENCES}, {@code FUNCTIONS}, {@code TYPES} or {@code SCHEMAS}
 */
public record DefaultPrivileges(String role, Optional<String> schema, String objectType, List<Grant> grants) {

    public DefaultPrivileges {
        grants = List.copyOf(grants);
    }
}
