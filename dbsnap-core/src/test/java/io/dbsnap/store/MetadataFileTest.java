package io.dbsnap.store;

import static io.dbsnap.store.SnapshotStoreTest.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dbsnap.errors.SnapshotCorruptException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataFileTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    private SnapshotStore store() {
        return new SnapshotStore(dir, Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
    }

    /** The file as any YAML reader sees it, without dbsnap's classes. */
    private static Map<String, Object> parse(Path yaml) throws IOException {
        return new YAMLMapper().readValue(yaml.toFile(), new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void writesTheDocumentedFieldsAsPlainYaml() throws IOException {
        StoredSnapshot s = store().write("1e5", Compression.GZIP, out -> {
            out.write("COPY ...".getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_AND_DATA, "16.10", new SnapshotScope(List.of("public", "auth"),
                    List.of(), List.of("public.audit_*")), List.of(new TableFacts("public.\"Order\"", 1200, SHA)));
        });

        Map<String, Object> yaml = parse(s.metadataFile());

        assertThat(yaml.keySet()).containsExactly("label", "created", "type", "compressed", "size_bytes", "size",
                "sha256", "server_version", "dbsnap_version", "owners", "privileges", "scope", "tables", "restore");
        // facts that say nothing of owners and grants: a script without them
        assertThat(yaml.get("owners")).isEqualTo(false);
        assertThat(yaml.get("privileges")).isEqualTo(false);
        assertThat(yaml.get("scope")).isEqualTo(Map.of("schemas", List.of("public", "auth"), "tables", List.of(),
                "exclude_tables", List.of("public.audit_*")));
        // every text stays text, also for readers that would take 1e5 or 16.10 for numbers
        assertThat(yaml.get("label")).isEqualTo("1e5");
        assertThat(yaml.get("created")).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(yaml.get("type")).isEqualTo("schema+data");
        assertThat(yaml.get("compressed")).isEqualTo(true);
        assertThat(((Number) yaml.get("size_bytes")).longValue()).isEqualTo(Files.size(s.sqlFile()));
        assertThat(yaml.get("size")).isEqualTo(Files.size(s.sqlFile()) + " B");
        assertThat((String) yaml.get("sha256")).hasSize(64);
        assertThat(yaml.get("server_version")).isEqualTo("16.10");
        assertThat(yaml.get("dbsnap_version")).isInstanceOf(String.class);
        assertThat(Files.readString(s.metadataFile()))
                .contains("label: \"1e5\"\n", "server_version: \"16.10\"\n");

        List<?> tables = (List<?>) yaml.get("tables");
        assertThat(tables).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) tables.get(0);
        assertThat(table.keySet()).containsExactly("table", "rows", "sha256");
        assertThat(table.get("table")).isEqualTo("public.\"Order\"");
        assertThat(table.get("rows")).isEqualTo(1200);
        assertThat(table.get("sha256")).isEqualTo(SHA);
    }

    @Test
    void recordsWhetherTheScriptSetsOwnersAndPrivilegesAndReadsOldMetadataAsWithout() throws IOException {
        SnapshotStore store = store();
        StoredSnapshot s = store.write("with_access", Compression.NONE, out -> {
            out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "15.4", SnapshotScope.everything(), List.of(),
                    java.util.Optional.empty(), new RecordedAccess(true, false));
        });
        assertThat(parse(s.metadataFile())).containsEntry("owners", true).containsEntry("privileges", false);
        assertThat(store.metadata(s).access()).isEqualTo(new RecordedAccess(true, false));

        // metadata written before dbsnap recorded them has neither field: no owners, no grants
        String text = Files.readString(s.metadataFile());
        Files.writeString(s.metadataFile(), text.replace("owners: true\n", "").replace("privileges: false\n", ""));
        assertThat(Files.readString(s.metadataFile())).doesNotContain("owners", "privileges");
        assertThat(store.metadata(s).access()).isEqualTo(RecordedAccess.none());
    }

    @Test
    void recordsWhatTheTakerSaidAndHowToRestore() throws IOException {
        SnapshotDetails details = SnapshotDetails.none().withPurpose("before adding user_roles")
                .withDatabase("app@db.example.com:6543/postgres").withNotes("ticket 1234\nsecond line").pinned();
        StoredSnapshot s = store().write("pre_migration", Compression.GZIP, details, sql("SELECT 1;"));

        Map<String, Object> yaml = parse(s.metadataFile());

        assertThat(yaml.keySet()).startsWith("label", "purpose", "database", "notes", "keep", "created");
        assertThat(yaml.get("purpose")).isEqualTo("before adding user_roles");
        assertThat(yaml.get("database")).isEqualTo("app@db.example.com:6543/postgres");
        assertThat(yaml.get("notes")).isEqualTo("ticket 1234\nsecond line");
        assertThat(yaml.get("keep")).isEqualTo(true);
        assertThat(yaml.get("restore")).isEqualTo(Map.of(
                "dbsnap", "dbsnap restore 20260304_050607_pre_migration",
                "psql", "gunzip -c 20260304_050607_pre_migration.sql.gz | psql -v ON_ERROR_STOP=1 --single-transaction"
                        + " -d EMPTY_DATABASE_URL"));
        assertThat(store().metadata(s).details()).isEqualTo(details);
    }

    @Test
    void aSnapshotWithNothingSaidHasNoSuchFieldsAndIsNotPinned() throws IOException {
        StoredSnapshot s = store().write("plain", sql("SELECT 1;"));

        assertThat(parse(s.metadataFile())).doesNotContainKeys("purpose", "database", "notes", "keep", "objects");
        SnapshotMetadata metadata = store().metadata(s);
        assertThat(metadata.details()).isEqualTo(SnapshotDetails.none());
        assertThat(metadata.objects()).isEmpty();
        assertThat(metadata.restoreInstructions().psql())
                .endsWith("--single-transaction -d EMPTY_DATABASE_URL -f 20260304_050607_plain.sql");
    }

    @Test
    void anEmptyPurposeIsRefusedRatherThanRecorded() {
        assertThatThrownBy(() -> SnapshotDetails.none().withPurpose(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purpose");
    }

    @Test
    void aSchemaOnlySnapshotHasNoTables() throws IOException {
        StoredSnapshot s = store().write("schema", sql("CREATE TABLE t ();"));

        Map<String, Object> yaml = parse(s.metadataFile());

        assertThat(yaml).doesNotContainKey("tables").containsEntry("type", "schema-only")
                .containsEntry("compressed", false);
        assertThat(store().metadata(s).tables()).isEmpty();
    }

    @Test
    void aDataSnapshotOfNoTablesSaysSo() throws IOException {
        StoredSnapshot s = store().write("nothing", out -> new SnapshotFacts(SnapshotFacts.DATA_ONLY, "17.6", SnapshotScope.everything(), List.of()));

        assertThat(parse(s.metadataFile())).containsEntry("tables", List.of());
    }

    @Test
    void readsFilesWithFieldsItDoesNotKnow() throws IOException {
        StoredSnapshot s = store().write("later", sql("SELECT 1;"));
        Files.writeString(s.metadataFile(), Files.readString(s.metadataFile())
                + "purpose: \"before the v2 migration\"\n"
                + "database: \"app@db.example.com:5432/shop\"\n"
                + "object_counts:\n  tables: 3\n  functions: 1\n");

        SnapshotMetadata metadata = store().metadata(s);

        assertThat(metadata.label()).isEqualTo("later");
        assertThat(metadata.type()).isEqualTo("schema-only");
        // the snapshot still opens, and reads to its end (where its checksum is verified) with its text
        try (InputStream in = store().openVerified(s)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("SELECT 1;");
        }
    }

    @Test
    void readsBackWhatItWrote() {
        StoredSnapshot s = store().write("again", Compression.GZIP, out -> new SnapshotFacts(
                SnapshotFacts.SCHEMA_AND_DATA, "13.22", new SnapshotScope(List.of("a"), List.of("a.b*"), List.of("a.bz")),
                List.of(new TableFacts("a.b", 7, SHA.toUpperCase()))));

        SnapshotMetadata metadata = store().metadata(s);

        assertThat(metadata.scope()).contains(new SnapshotScope(List.of("a"), List.of("a.b*"), List.of("a.bz")));
        assertThat(metadata.tables()).containsExactly(new TableFacts("a.b", 7, SHA));
        assertThat(metadata.size()).isEqualTo(metadata.sizeBytes() + " B");
    }

    @Test
    void metadataWithoutAScopeSaysSo() throws IOException {
        StoredSnapshot s = store().write("old", sql("SELECT 1;"));
        // as written before dbsnap recorded scopes (or restore instructions): the indented lines are theirs
        List<String> lines = Files.readAllLines(s.metadataFile()).stream()
                .filter(line -> !line.startsWith("scope:") && !line.startsWith("restore:") && !line.startsWith(" "))
                .toList();
        Files.write(s.metadataFile(), lines);

        assertThat(Files.readString(s.metadataFile())).doesNotContain("scope", "schemas");
        assertThat(store().metadata(s).scope()).isEmpty();
    }

    @Test
    void aScopeWithAnEmptyNameIsRefused() throws IOException {
        StoredSnapshot s = store().write("odd", sql("SELECT 1;"));
        Files.writeString(s.metadataFile(), Files.readString(s.metadataFile())
                .replace("schemas: []", "schemas:\n  - null"));

        assertThatThrownBy(() -> store().metadata(s)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("scope lists an empty name");
    }
}
