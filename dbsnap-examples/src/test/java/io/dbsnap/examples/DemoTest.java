package io.dbsnap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.store.SnapshotInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @Test
    void takesASnapshotRollsTheMigrationBackAndListsBoth(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<SnapshotInfo> listed = Demo.run(dir, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(listed).extracting(SnapshotInfo::label).containsExactly("before_restore", "pre_migration");
        String sql = Files.readString(listed.get(1).snapshot().orElseThrow().sqlFile());
        assertThat(sql).contains("CREATE TABLE app.notes", "CREATE TRIGGER notes_touch", "CREATE POLICY notes_owner",
                "ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;", "CREATE OR REPLACE FUNCTION app.touch_updated_at()");
        // the sample schema, counted by hand: app.users and app.notes, touch_updated_at, notes_touch, notes_owner
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("2 tables, 1 functions, 1 triggers, 1 policies")
                .contains("verified: true")
                .contains("before the demo's migration");
    }
}
