package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.sql.SQLException;

/**
 * A migration of the generated catalog that changes a share of everything, for the diff
 * benchmark: a column added to every 10th table, a default changed on every 25th, a policy dropped
 * on every 50th, a trigger disabled on every 40th, the cost of every 10th function changed, and
 * 20 new tables. {@link #expectedChanges()} counts what the diff must find.
 */
final class GeneratedMigration {

    private static final int STATEMENTS_PER_BATCH = 200;

    private final GeneratedCatalog catalog;
    private final int tables;
    private final int functions;

    GeneratedMigration(GeneratedCatalog catalog, int tables, int functions) {
        this.catalog = catalog;
        this.tables = tables;
        this.functions = functions;
    }

    void apply(TestDatabase db) throws SQLException {
        StringBuilder batch = new StringBuilder();
        int statements = 0;
        for (int i = 1; i <= tables; i++) {
            String t = GeneratedCatalog.SCHEMA + "." + catalog.tableName(i);
            if (i % 10 == 0) {
                batch.append("ALTER TABLE ").append(t).append(" ADD COLUMN note text;\n");
                statements++;
            }
            if (i % 25 == 0) {
                batch.append("ALTER TABLE ").append(t).append(" ALTER COLUMN name SET DEFAULT 'renamed';\n");
                statements++;
            }
            if (i % 50 == 0) {
                batch.append("DROP POLICY IF EXISTS ").append(catalog.tableName(i)).append("_visible ON ").append(t).append(";\n");
                batch.append("DROP POLICY IF EXISTS ").append(catalog.tableName(i)).append("_amount ON ").append(t).append(";\n");
                statements += 2;
            }
            if (i % 40 == 0) {
                batch.append("ALTER TABLE ").append(t).append(" DISABLE TRIGGER ").append(catalog.tableName(i)).append("_touch;\n");
                statements++;
            }
            if (statements >= STATEMENTS_PER_BATCH) {
                db.execute(batch.toString());
                batch.setLength(0);
                statements = 0;
            }
        }
        for (int i = 10; i <= functions; i += 10) {
            batch.append("ALTER FUNCTION ").append(GeneratedCatalog.SCHEMA).append('.').append(catalog.functionName(i))
                    .append(" COST 7;\n");
        }
        for (int i = 1; i <= 20; i++) {
            batch.append("CREATE TABLE ").append(GeneratedCatalog.SCHEMA).append(".added_").append(i).append(" (id int);\n");
        }
        db.execute(batch.toString());
        db.execute("VACUUM (ANALYZE)");
    }

    /** The changes the diff must report: one per column added, default, policy, trigger, function, new table. */
    int expectedChanges() {
        return tables / 10 + tables / 25 + tables / 50 + tables / 40 + functions / 10 + 20;
    }
}
