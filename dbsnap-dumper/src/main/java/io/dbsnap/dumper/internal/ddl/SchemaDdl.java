package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Schema;
import java.util.Optional;

/** Writes {@code CREATE SCHEMA}. */
public final class SchemaDdl {

    private SchemaDdl() {
    }

    /** Nothing for schema public: every database is created with it. */
    public static Optional<ObjectDdl> of(Schema schema) {
        if (schema.name().equals("public")) {
            return Optional.empty();
        }
        return Optional.of(new ObjectDdl(schema.id(), "CREATE SCHEMA " + quote(schema.name()) + ";",
                "DROP SCHEMA IF EXISTS " + quote(schema.name()) + ";"));
    }
}
