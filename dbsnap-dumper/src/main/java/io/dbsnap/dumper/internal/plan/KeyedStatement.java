package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.ObjectId;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.dump.Section;
import io.dbsnap.dumper.internal.ddl.ObjectDdl;
import java.util.Optional;

/**
 * One statement of a plan with what it creates or sets, so that two plans can be compared
 * statement by statement ({@link MigrationPlanner}): the same key with the same text on both
 * sides means nothing to do.
 *
 * @param key     what the statement creates or sets, the same in two catalogs of one database
 * @param object  the object it belongs to, for the dependencies between objects; empty for
 *                comments, owners and grants, which are keyed by the target they name
 * @param section pre-data or post-data
 * @param undo    the statement that removes what this one made, where one is needed: the drop of
 *                an object, {@code COMMENT ... IS NULL}, revoking a grant
 */
public record KeyedStatement(String key, Optional<ObjectId> object, Section section, String sql, Optional<String> undo) {

    static KeyedStatement of(ObjectDdl o) {
        return new KeyedStatement(o.id().toString(), Optional.of(o.id()), Section.PRE_DATA, o.create(), o.drop());
    }

    static KeyedStatement object(ObjectId id, String sql, String undo) {
        return new KeyedStatement(id.toString(), Optional.of(id), Section.PRE_DATA, sql, Optional.of(undo));
    }

    /** A setting of an object made apart from its creation ({@code what}: e.g. {@code owned by}). */
    static KeyedStatement setting(ObjectId id, String what, String sql) {
        return new KeyedStatement(id + " " + what, Optional.of(id), Section.PRE_DATA, sql, Optional.empty());
    }

    /** A comment, owner or grant, keyed by what it is on. */
    static KeyedStatement target(String key, String sql) {
        return new KeyedStatement(key, Optional.empty(), Section.POST_DATA, sql, Optional.empty());
    }

    KeyedStatement inSection(Section in) {
        return new KeyedStatement(key, object, in, sql, undo);
    }

    KeyedStatement undoneBy(String statement) {
        return new KeyedStatement(key, object, section, sql, Optional.of(statement));
    }
}
