package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE USER MAPPING}; database-wide. Its options are written as the server stores them,
 * as pg_dump writes them (a {@code password} option included).
 *
 * @param user    the role, or {@code public}
 * @param options {@code name 'value'} pairs, rendered
 */
public record UserMapping(String user, String server, List<String> options) {

    public UserMapping {
        options = List.copyOf(options);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.USER_MAPPING, "", user + " SERVER " + server);
    }
}
