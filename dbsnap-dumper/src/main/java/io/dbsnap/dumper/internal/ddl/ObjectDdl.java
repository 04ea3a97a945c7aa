package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.ObjectId;
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import java.util.Optional;

/**
 * One object of a dump's pre-data as its kind writes it, like one of pg_dump's {@code dumpXxx}
 * entries: how it is created and how a clean script drops it (nothing for what goes with another
 * object, such as a shell type or the query of a placeholder view). {@link DdlPlanner} orders
 * these by identity and dependencies; it writes no DDL of its own. There is no section here: an
 * object goes to pre-data, or after the keys, by what it depends on, which only the planner sees.
 */
public record ObjectDdl(ObjectId id, String create, Optional<String> drop) {

    ObjectDdl(ObjectId id, String create, String drop) {
        this(id, create, Optional.of(drop));
    }

    /** An object dropped with another one: the clean script has no statement of its own for it. */
    static ObjectDdl createOnly(ObjectId id, String create) {
        return new ObjectDdl(id, create, Optional.empty());
    }
}
