package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Schema;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.migration.MigrationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schema {@code public} in a migration. A dump never creates it (every new database has it, so
 * {@code SchemaDdl} writes nothing for it, as pg_dump does), so the keyed plans of the two sides
 * cannot see it come or go: the migration drops it after everything in it is gone, or creates it
 * before anything is created in it.
 */
public final class PublicSchema {

    private static final String PUBLIC = "public";
    private static final String FROM_15 = "pg_catalog.current_setting('server_version_num')::int >= 150000";

    private PublicSchema() {
    }

    /**
     * {@code DROP SCHEMA public} when only {@code from} has it; without CASCADE: whatever
     * {@code from} has in it is not in {@code to}, so the plan has dropped it already, and
     * anything else is left for the server to refuse rather than dropped unseen.
     */
    public static Optional<MigrationStep> drop(Catalog from, Catalog to) {
        return has(from) && !has(to) ? Optional.of(MigrationStep.of("DROP SCHEMA " + PUBLIC + ";")) : Optional.empty();
    }

    /**
     * {@code CREATE SCHEMA public} when only {@code to} has it, made as a new database has it: the
     * catalog records its comment, owner and grants only where they differ from that (as pg_dump
     * writes them), and {@code to}'s own keys then set those differences. A new database's public
     * is owned by pg_database_owner from PostgreSQL 15 on (before, by the bootstrap superuser),
     * usable by everyone (before 15, creatable too), and commented "standard public schema".
     */
    public static List<MigrationStep> create(Catalog from, Catalog to, DdlOptions options) {
        if (!has(to) || has(from)) {
            return List.of();
        }
        List<MigrationStep> steps = new ArrayList<>();
        steps.add(MigrationStep.of("CREATE SCHEMA " + PUBLIC + ";"));
        steps.add(MigrationStep.of("COMMENT ON SCHEMA " + PUBLIC + " IS 'standard public schema';"));
        if (options.owners() || options.privileges()) {
            StringBuilder block = new StringBuilder("DO $$ BEGIN");
            if (options.owners()) {
                block.append(" EXECUTE pg_catalog.format('ALTER SCHEMA public OWNER TO %I', (SELECT r.rolname FROM"
                        + " pg_catalog.pg_roles r WHERE r.oid = CASE WHEN " + FROM_15 + " THEN 6171 ELSE 10 END));");
            }
            if (options.privileges()) {
                block.append(" IF " + FROM_15 + " THEN GRANT USAGE ON SCHEMA public TO PUBLIC;"
                        + " ELSE GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC; END IF;");
            }
            steps.add(MigrationStep.of(block.append(" END $$;").toString()));
        }
        return steps;
    }

    private static boolean has(Catalog catalog) {
        return catalog.schemas().stream().map(Schema::name).anyMatch(PUBLIC::equals);
    }
}
