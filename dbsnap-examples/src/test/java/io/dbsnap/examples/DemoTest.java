package io.dbsnap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.store.SnapshotInfo;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's demo: it says what it does, snapshots, migrates between two snapshots,
 * rolls the migration back, lists the snapshots and ends with the three commands to try next.
 * Judged by pg_dump (the rolled-back schema is the sample schema as loaded into a fresh
 * database) and by the sample's rows as its SQL file writes them.
 */
class DemoTest {

    @Test
    void snapshotsMigratesRollsBackListsAndEndsWithTheNextCommands(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path snapshots = dir.resolve("snapshots");
        try (TestDatabase db = PostgresServer.shared().createDatabase("demo_run");
             TestDatabase fresh = PostgresServer.shared().createDatabase("demo_fresh")) {
            fresh.execute(SampleSchemas.demo());

            List<SnapshotInfo> listed = Demo.run(db, snapshots, new PrintStream(printed, true, StandardCharsets.UTF_8));

            // rolled back: the schema of a fresh load of the sample, and its rows
            assertThat(PgDump.schemaOnly(db)).isEqualTo(PgDump.schemaOnly(fresh));
            assertThat(rows(db, "SELECT email || ' ' || display_name FROM app.accounts ORDER BY id"))
                    .containsExactly("ada@example.com Ada", "linus@example.com Linus");
            assertThat(rows(db, "SELECT title FROM app.notes ORDER BY id")).containsExactly("Snapshots", "Rollback");

            // the migration's snapshot after it has what the migration made
            assertThat(listed).extracting(SnapshotInfo::label)
                    .containsExactly("before_restore", "after_V2__pin_notes", "before_V2__pin_notes", "pre_release");
            String after = Files.readString(listed.get(1).snapshot().orElseThrow().sqlFile());
            assertThat(after).contains("pinned boolean DEFAULT false NOT NULL").doesNotContain("display_name");
            String before = Files.readString(listed.get(3).snapshot().orElseThrow().sqlFile());
            assertThat(before).contains("CREATE TABLE app.notes", "CREATE TRIGGER notes_touch", "CREATE POLICY notes_owner",
                    "ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;", "display_name character varying(80)");
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        // the sample schema, counted by hand: app.accounts and app.notes, touch_updated_at, notes_touch, notes_owner
        assertThat(text).startsWith("dbsnap demo: ")
                .contains("2 tables, 1 function, 1 trigger, 1 policy")
                .contains("(2 statements in one transaction)")
                .contains("column app.accounts.display_name")
                .contains("verified: true")
                .contains("before the demo's release");
        List<String> lines = text.lines().toList();
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .allMatch(line -> line.startsWith("  dbsnap "))
                .extracting(line -> line.trim().split("\\s+")[1])
                .containsExactly("snapshot", "migrate", "restore");
    }

    private static List<String> rows(TestDatabase db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
