package io.dbsnap.restore;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotContent;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A real snapshot of a database with something changed on purpose: a statement added at the end
 * of its script, or facts that no longer match it, to see what a restore makes of it.
 */
final class EditedSnapshot {

    private EditedSnapshot() {
    }

    /** The snapshot of every schema, with {@code sql} run last. */
    static StoredSnapshot withStatement(SnapshotStore store, TestDatabase db, String label, DumpOptions options,
                                        String sql) throws SQLException {
        return write(store, db, label, options, sql, facts -> facts);
    }

    /** The snapshot of every schema, whose metadata records {@code edit} of its true facts. */
    static StoredSnapshot withFacts(SnapshotStore store, TestDatabase db, String label, DumpOptions options,
                                    UnaryOperator<SnapshotFacts> edit) throws SQLException {
        return write(store, db, label, options, "", edit);
    }

    private static StoredSnapshot write(SnapshotStore store, TestDatabase db, String label, DumpOptions options,
                                        String sql, UnaryOperator<SnapshotFacts> edit) throws SQLException {
        try (Connection c = db.connect()) {
            SnapshotContent real = new DatabaseDumper(CatalogReader.allSchemas(), options).snapshotContent(c);
            return store.write(label, out -> {
                SnapshotFacts facts = real.writeTo(out);
                out.write((sql.isEmpty() ? "" : sql + "\n").getBytes(StandardCharsets.UTF_8));
                return edit.apply(facts);
            });
        }
    }
}
