package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A large synthetic catalog in schema {@code bench}: tables {@code t0001..tN}, each with a primary
 * key, a foreign key to the table before it (the first to itself), columns of mixed types with
 * defaults, a secondary index, row-level security with one policy and a row trigger calling the
 * shared trigger function {@code bench.touch()}; and functions {@code f0001..fM} in plpgsql and
 * SQL with bodies of three shapes, a third of them returning a table's row type (so they depend on
 * it in {@code pg_depend} and must be created after it).
 *
 * <p>The DDL is built here and sent in a few large multi-statement executions: one round trip per
 * batch instead of one per object. Batches keep each implicit transaction's lock count well
 * below the server's lock table, which a single transaction creating thousands of relations
 * (each with its indexes and TOAST table) would exhaust on a server with default settings.
 */
final class GeneratedCatalog {

    static final String SCHEMA = "bench";

    private static final int TABLES_PER_BATCH = 100;
    private static final int FUNCTIONS_PER_BATCH = 250;

    /** One extra column per table, cycling through types, so that format_type and defaults vary. */
    private static final String[] EXTRA_COLUMNS = {
        "code integer NOT NULL DEFAULT 0",
        "label character varying(40) DEFAULT 'none'::character varying",
        "due date DEFAULT CURRENT_DATE",
        "ref uuid",
        "score double precision DEFAULT 0.5 CHECK (score >= 0)",
    };

    private final int tables;
    private final int functions;
    private final int width;

    GeneratedCatalog(int tables, int functions) {
        this.tables = tables;
        this.functions = functions;
        this.width = Math.max(4, String.valueOf(Math.max(tables, functions)).length());
    }

    /** What the catalog holds, counted in {@code pg_catalog} after it was created. */
    record Counts(long tables, long primaryKeys, long foreignKeys, long secondaryIndexes, long triggers,
                  long policies, long functions) {
    }

    /**
     * Creates the catalog in {@code db} (which should be empty), analyzes the database, and checks
     * that every object asked for is there.
     */
    Counts create(TestDatabase db) throws SQLException {
        db.execute("CREATE SCHEMA " + SCHEMA + ";\n" + triggerFunction());
        for (int first = 1; first <= tables; first += TABLES_PER_BATCH) {
            StringBuilder batch = new StringBuilder();
            for (int i = first; i < first + TABLES_PER_BATCH && i <= tables; i++) {
                batch.append(table(i));
            }
            db.execute(batch.toString());
        }
        // After the tables: SQL function bodies are checked at creation and name the tables.
        for (int first = 1; first <= functions; first += FUNCTIONS_PER_BATCH) {
            StringBuilder batch = new StringBuilder();
            for (int i = first; i < first + FUNCTIONS_PER_BATCH && i <= functions; i++) {
                batch.append(function(i));
            }
            db.execute(batch.toString());
        }
        // Fresh statistics on the catalogs, as a database in use has (autovacuum would analyze
        // them at some unknown point, maybe in the middle of the timed runs, changing the plans
        // of both contenders' catalog queries).
        db.execute("VACUUM (ANALYZE)");
        Counts counts = count(db);
        if (counts.tables() != tables || counts.primaryKeys() != tables || counts.foreignKeys() != tables
                || counts.secondaryIndexes() != tables || counts.triggers() != tables || counts.policies() != tables
                || counts.functions() != functions) {
            throw new IllegalStateException("the generated catalog is not what was asked for ("
                    + tables + " tables, " + functions + " functions): " + counts);
        }
        return counts;
    }

    private static String triggerFunction() {
        return """
                CREATE FUNCTION bench.touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END
                $$;
                """;
    }

    private String table(int i) {
        String t = name("t", i);
        String parent = name("t", Math.max(1, i - 1));
        String index = switch (i % 3) {
            case 0 -> "CREATE INDEX %1$s_parent_idx ON bench.%1$s (parent_id);";
            case 1 -> "CREATE INDEX %1$s_name_idx ON bench.%1$s (name, created_at DESC);";
            default -> "CREATE INDEX %1$s_active_idx ON bench.%1$s (created_at) WHERE active;";
        };
        String policy = i % 2 == 0
                ? "CREATE POLICY %1$s_visible ON bench.%1$s FOR SELECT USING (active);"
                : "CREATE POLICY %1$s_amount ON bench.%1$s USING (amount >= 0) WITH CHECK (amount >= 0);";
        return """
                CREATE TABLE bench.%1$s (
                    id bigint PRIMARY KEY,
                    parent_id bigint REFERENCES bench.%2$s (id) ON DELETE CASCADE,
                    name text NOT NULL DEFAULT '%1$s',
                    amount numeric(12,2) NOT NULL DEFAULT 0,
                    active boolean NOT NULL DEFAULT true,
                    created_at timestamp with time zone NOT NULL DEFAULT now(),
                    updated_at timestamp with time zone,
                    %3$s
                );
                %4$s
                ALTER TABLE bench.%1$s ENABLE ROW LEVEL SECURITY;
                %5$s
                CREATE TRIGGER %1$s_touch BEFORE UPDATE ON bench.%1$s FOR EACH ROW EXECUTE FUNCTION bench.touch();
                """.formatted(t, parent, EXTRA_COLUMNS[i % EXTRA_COLUMNS.length], index.formatted(t),
                policy.formatted(t));
    }

    private String function(int i) {
        String f = name("f", i);
        String t = name("t", (i - 1) % tables + 1);
        return switch (i % 3) {
            case 0 -> """
                    CREATE FUNCTION bench.%1$s(p_id bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
                    DECLARE
                        result text;
                    BEGIN
                        SELECT name INTO result FROM bench.%2$s WHERE id = p_id;
                        RETURN coalesce(result, 'none') || ' #%3$d';
                    END
                    $$;
                    """.formatted(f, t, i);
            case 1 -> """
                    CREATE FUNCTION bench.%1$s(a integer, b integer DEFAULT %2$d) RETURNS integer
                        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT a * %2$d + b $$;
                    """.formatted(f, i);
            default -> """
                    CREATE FUNCTION bench.%1$s(min_amount numeric) RETURNS SETOF bench.%2$s
                        LANGUAGE sql STABLE AS $$ SELECT * FROM bench.%2$s WHERE amount >= min_amount ORDER BY id $$;
                    """.formatted(f, t);
        };
    }

    /** The name of table {@code number}, {@code t0001}. */
    String tableName(int number) {
        return name("t", number);
    }

    /** The name of function {@code number}, {@code f0001}. */
    String functionName(int number) {
        return name("f", number);
    }

    private String name(String prefix, int number) {
        return prefix + String.format("%0" + width + "d", number);
    }

    private static Counts count(TestDatabase db) throws SQLException {
        String inSchema = " JOIN pg_catalog.pg_class c ON c.oid = %s JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + SCHEMA + "'";
        String sql = "SELECT"
                + " (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + "   WHERE n.nspname = '" + SCHEMA + "' AND c.relkind = 'r'),"
                + " (SELECT count(*) FROM pg_catalog.pg_constraint co" + inSchema.formatted("co.conrelid") + " AND co.contype = 'p'),"
                + " (SELECT count(*) FROM pg_catalog.pg_constraint co" + inSchema.formatted("co.conrelid") + " AND co.contype = 'f'),"
                + " (SELECT count(*) FROM pg_catalog.pg_index x" + inSchema.formatted("x.indrelid") + " AND NOT x.indisprimary),"
                + " (SELECT count(*) FROM pg_catalog.pg_trigger tg" + inSchema.formatted("tg.tgrelid") + " AND NOT tg.tgisinternal),"
                + " (SELECT count(*) FROM pg_catalog.pg_policy p" + inSchema.formatted("p.polrelid") + "),"
                + " (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + "   WHERE n.nspname = '" + SCHEMA + "' AND p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype)";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7));
        }
    }
}
