package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.errors.SnapshotNotFoundException;
import io.dbsnap.store.Compression;
import io.dbsnap.store.SnapshotDetails;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's guards on rollbacks, on a real server: a schema-only snapshot is not dropped and
 * recreated ({@link RestoreOptions#droppingAndRecreating()}) over tables that hold rows unless
 * {@link RestoreOptions#discardingData()} (by default it is a schema rollback that keeps them, see
 * {@code SchemaRollbackTest}), the plan says what a
 * restore loses, and an emergency rollback chooses from recorded kinds, not labels. Row counts
 * are the server's own {@code count(*)}; "unchanged" is pg_dump's.
 */
class RollbackGuardsTest {

    private static DatabaseDumper dumper(DumpOptions options) {
        return new DatabaseDumper(CatalogReader.allSchemas(), options);
    }

    private static StoredSnapshot snapshot(SnapshotStore store, TestDatabase db, String label, SnapshotDetails details,
                                           DumpOptions options) throws Exception {
        try (Connection c = db.connect()) {
            return store.write(label, Compression.NONE, details, dumper(options).snapshotContent(c));
        }
    }

    @Test
    void aSchemaOnlyRestoreOverRowsIsRefusedNamingTheOptionAndChangesNothingAndTheOptionAllowsIt(@TempDir Path dir)
            throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_schema_only")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot schemaOnly = snapshot(store, db, "schema", SnapshotDetails.none(), DumpOptions.schemaOnly());
            db.execute("CREATE TABLE app.later (id int); INSERT INTO app.later VALUES (1), (2), (3)");
            Map<String, Long> rows = rowsPerTable(db);
            String now = PgDump.run(db, "--no-owner");
            List<String> files = files(dir);

            try (Connection c = db.connect()) {
                RestorePlan plan = new SnapshotRestorer(store, RestoreOptions.defaults().droppingAndRecreating()).plan(c, schemaOnly);
                assertThat(plan.emptiesTablesWithRows()).isTrue();
                assertThat(plan.emptied().exact()).isTrue();
                assertThat(plan.emptied().counted()).extracting(TableRows::table, TableRows::rows)
                        .containsExactlyInAnyOrderElementsOf(rows.entrySet().stream()
                                .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList());
                assertThat(plan.dropped()).contains("table app.later");

                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults().droppingAndRecreating()).restore(c, schemaOnly))
                        .isInstanceOf(DataLossRefusedException.class)
                        .hasMessageContaining("Refusing to restore schema-only snapshot " + schemaOnly.name().baseName())
                        .hasMessageContaining("app.accounts: " + rows.get("app.accounts") + " rows")
                        .hasMessageContaining("app.later: 3 rows")
                        .hasMessageContaining("RestoreOptions.defaults().droppingAndRecreating().discardingData()")
                        .hasMessageContaining("Nothing was changed");
            }
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);
            // no safety snapshot; the refusal is in restore.log, the only file added
            List<String> after = files(dir);
            after.remove(RestoreLog.FILE_NAME);
            assertThat(after).isEqualTo(files);

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults().droppingAndRecreating().discardingData()).restore(c, schemaOnly);
            }
            assertThat(report.verification().verified()).as(report.verification().differences().toString()).isTrue();
            assertThat(report.plan().emptied().tables()).isEqualTo(rows.size());
            assertThat(report.safetySnapshot()).isPresent();
            assertThat(rowsPerTable(db)).isEmpty();
        }
    }

    @Test
    void aSnapshotWithRowsIsNotRefusedAndItsPlanListsOnlyTheTablesItHasNoRowsFor(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_with_data")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot withRows = snapshot(store, db, "rows", SnapshotDetails.none(), DumpOptions.schemaAndData());
            String atSnapshot = PgDump.run(db, "--no-owner");
            db.execute("CREATE TABLE app.later (id int); INSERT INTO app.later VALUES (1); DELETE FROM app.notes;"
                    + " ALTER TABLE app.accounts ADD COLUMN points int DEFAULT 7");

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, withRows);
            }
            assertThat(report.plan().emptiesTablesWithRows()).isFalse();
            assertThat(report.plan().emptied().counted()).containsExactly(new TableRows("app.later", 1, false));
            assertThat(report.plan().dropped()).contains("table app.later", "column app.accounts.points")
                    .noneMatch(d -> d.startsWith("column app.later."));
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(atSnapshot);
        }
    }

    @Test
    void theProbeFindsEveryTableWithRowsAcrossQueriesAndCountsOnlyTheFirst(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_probe")) {
            StringBuilder sql = new StringBuilder("CREATE SCHEMA many;");
            List<String> tables = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                String table = String.format("many.t%03d", i);
                tables.add(table);
                sql.append("CREATE TABLE ").append(table).append(" (id int);");
                if (i % 7 == 3) {
                    sql.append("INSERT INTO ").append(table).append(" SELECT generate_series(1, ").append(i).append(");");
                }
            }
            db.execute(sql.toString());
            Map<String, Long> rows = rowsPerTable(db);

            TablesWithRows found;
            try (Connection c = db.connect()) {
                found = RowProbe.find(c, tables);
            }

            assertThat(found.tables()).isEqualTo(rows.size());
            assertThat(found.counted()).hasSize(RowProbe.COUNTED_TABLES);
            assertThat(found.exact()).isFalse();
            // in the order given, each count the server's
            List<String> firstWithRows = tables.stream().filter(rows::containsKey).limit(RowProbe.COUNTED_TABLES).toList();
            assertThat(found.counted()).extracting(TableRows::table).containsExactlyElementsOf(firstWithRows);
            found.counted().forEach(t -> assertThat(t.rows()).isEqualTo(rows.get(t.table())));
            assertThat(found.total()).startsWith(rows.size() + " tables, at least ");
        }
    }

    @Test
    void emergencyRollbackAfterAMigrationChoosesItsBeforeSnapshotByKindNotByLabel(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_migration")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            // labelled like a migration's snapshot after, but taken on request: a snapshot to return to
            StoredSnapshot userAfter = snapshot(store, db, "after_deploy", SnapshotDetails.none(), DumpOptions.schemaAndData());
            Path migration = Files.writeString(dir.resolve("V2__tags.sql"), "ALTER TABLE app.notes ADD COLUMN flag int;\n");
            String beforeMigration = PgDump.run(db, "--no-owner");

            MigrationReport migrated;
            try (Connection c = db.connect()) {
                assertThat(new SnapshotRestorer(store, RestoreOptions.defaults()).rollbackTarget(c).snapshot())
                        .isEqualTo(userAfter);
                migrated = new Migrator(store, MigrationOptions.defaults().withData()).migrate(c, migration);
            }
            assertThat(store.metadata(migrated.before()).kind()).isEqualTo(SnapshotKind.BEFORE_MIGRATION);
            assertThat(store.metadata(migrated.after()).kind()).isEqualTo(SnapshotKind.AFTER_MIGRATION);

            try (Connection c = db.connect()) {
                SnapshotRestorer restorer = new SnapshotRestorer(store, RestoreOptions.defaults());
                RollbackChoice choice = restorer.rollbackTarget(c);
                assertThat(choice.snapshot()).isEqualTo(migrated.before());
                assertThat(choice.reason()).contains(migrated.after().name().baseName() + " (the state a migration made)");
                RestoreReport report = restorer.emergencyRollback(c, choice);
                assertThat(report.emergency()).isTrue();
            }
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(beforeMigration);
        }
    }

    @Test
    void snapshotsWrittenBeforeKindsWereRecordedAreRecognisedByWhatDbsnapWroteThen(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_legacy")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            // as an older Migrator and SnapshotRestorer wrote them: no kind, only label and purpose
            StoredSnapshot before = snapshot(store, db, "before_V1__x",
                    SnapshotDetails.none().withPurpose("before migration V1__x.sql"), DumpOptions.schemaAndData());
            snapshot(store, db, "after_V1__x", SnapshotDetails.none().withPurpose("after migration V1__x.sql"),
                    DumpOptions.schemaAndData());
            snapshot(store, db, SnapshotRestorer.SAFETY_LABEL, SnapshotDetails.none(), DumpOptions.schemaAndData());

            try (Connection c = db.connect()) {
                RollbackChoice choice = new SnapshotRestorer(store, RestoreOptions.defaults()).rollbackTarget(c);
                assertThat(choice.snapshot()).isEqualTo(before);
                assertThat(choice.reason()).contains("_after_V1__x (the state a migration made)")
                        .contains("(a restore's safety snapshot)");
            }
        }
    }

    @Test
    void withOnlySafetyAndAfterSnapshotsThereIsNothingToRollBackTo(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("guard_nothing")) {
            db.execute(SampleSchemas.demo());
            SnapshotStore store = new SnapshotStore(dir);
            snapshot(store, db, "after_V3__y", SnapshotDetails.none().withKind(SnapshotKind.AFTER_MIGRATION),
                    DumpOptions.schemaOnly());
            String now = PgDump.run(db, "--no-owner");

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).emergencyRollback(c))
                        .isInstanceOf(SnapshotNotFoundException.class).hasMessageContaining("no snapshot to roll back to")
                        .hasMessageContaining("_after_V3__y (the state a migration made)");
            }
            assertThat(PgDump.run(db, "--no-owner")).isEqualTo(now);
        }
    }

    /** Every table of the database that holds rows, as {@code schema.table}, with the server's count. */
    private static Map<String, Long> rowsPerTable(TestDatabase db) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                     + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r'"
                     + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                     + " ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ONLY " + table)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        rows.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
