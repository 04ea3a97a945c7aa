package io.dbsnap.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code .meta.yaml} file format (described on {@link SnapshotMetadata}). The file's field
 * names live here only, in {@link Document}, apart from the Java names of the public records, so
 * that renaming Java code never changes what is on disk.
 */
final class MetadataFile {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    // Every string stays quoted: unquoted, a server_version of 16.10 would read as the
                    // number 16.1, and labels such as 1e5 or 0x1f as numbers, in other YAML readers.
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MetadataFile() {
    }

    /**
     * The largest metadata file read: it is read whole by every listing, and the YAML parser takes
     * seconds per megabyte of one long text. Above SnakeYAML's own limit of 3 Mi code points, so
     * that nothing it would read is refused; a file dbsnap writes has a few KiB plus about 110
     * bytes per table.
     */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * The metadata as the file's bytes.
     *
     * @throws IOException when they would be more than {@link #MAX_BYTES}, which no listing would read
     */
    static byte[] toYaml(SnapshotMetadata metadata) throws IOException {
        byte[] yaml = YAML.writeValueAsBytes(Document.of(metadata));
        if (yaml.length > MAX_BYTES) {
            throw new IOException("the metadata would be " + yaml.length + " bytes, more than the " + MAX_BYTES
                    + " a metadata file may have (" + metadata.tables().size() + " tables); snapshot fewer tables at"
                    + " once (--table, --exclude-table, --schema)");
        }
        return yaml;
    }

    /**
     * @throws SnapshotNotFoundException when neither the SQL file nor the metadata file exists
     * @throws SnapshotCorruptException  when the metadata file is missing beside the SQL file, or
     *                                   is not snapshot metadata
     * @throws DbSnapException           when the metadata file cannot be read (permissions, I/O)
     */
    static SnapshotMetadata read(StoredSnapshot snapshot) {
        Path file = snapshot.metadataFile();
        byte[] bytes;
        try {
            bytes = readCapped(file);
        } catch (NoSuchFileException e) {
            throw missing(snapshot, e);
        } catch (IOException e) {
            throw new DbSnapException("Could not read the metadata file " + file + " of snapshot " + snapshot.sqlFile()
                    + ": " + e + ". Check that the file is readable.", e);
        }
        return parse(file, bytes);
    }

    /**
     * Reads metadata from its bytes (an object in a bucket); {@code file} names it in messages.
     *
     * @throws SnapshotCorruptException when they are not snapshot metadata
     */
    static SnapshotMetadata parse(Path file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw unreadable(file, "it is " + bytes.length + " bytes long, more than the " + MAX_BYTES
                    + " a metadata file may have (a huge field was edited in, or it is another file)", null);
        }
        Document document;
        try {
            document = YAML.readValue(bytes, Document.class);
        } catch (JacksonException e) {
            throw unreadable(file, oneLine(e), e);
        } catch (IOException e) {
            throw unreadable(file, e.toString(), e);
        }
        if (document == null) {
            throw unreadable(file, "the file is empty", null);
        }
        return document.toMetadata(file);
    }

    /** The file's bytes, refused without parsing when there are more than {@link #MAX_BYTES}. */
    private static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw unreadable(file, "it is " + Files.size(file) + " bytes long, more than the " + MAX_BYTES
                        + " a metadata file may have (a huge field was edited in, or it is another file)", null);
            }
            return bytes;
        }
    }

    private static DbSnapException missing(StoredSnapshot snapshot, NoSuchFileException e) {
        if (!Files.exists(snapshot.sqlFile())) {
            return new SnapshotNotFoundException("Snapshot " + snapshot.sqlFile() + " does not exist (neither its SQL "
                    + "file nor its metadata file " + snapshot.metadataFile().getFileName() + " is there): it was "
                    + "deleted or moved. List the store to see the snapshots it holds.", e);
        }
        return new SnapshotCorruptException("Snapshot " + snapshot.sqlFile() + " has no metadata file "
                + snapshot.metadataFile() + " beside it (it was deleted, or the snapshot was copied without it). "
                + "Without it the SQL file's size and SHA-256 cannot be checked. Put the .meta.yaml file back "
                + "beside it, or take a new snapshot.", e);
    }

    /**
     * The parser's complaint in one line, for a listing: YAML parsers write several, quoting the
     * offending line with a caret under it. Their unindented lines say what is wrong; the location
     * is added as (line, column).
     */
    private static String oneLine(JacksonException e) {
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "");
        List<String> said = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).toList();
        String what = said.isEmpty() ? message.strip() : String.join(": ", said);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            what += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return what;
    }

    private static SnapshotCorruptException unreadable(Path file, String why, Exception cause) {
        return new SnapshotCorruptException("The metadata file " + file + " is not valid snapshot metadata: " + why
                + ". It was damaged or edited; restore it from a copy, or take a new snapshot.", cause);
    }

    /** The file as Jackson sees it: every field may be absent, and is checked in {@link #toMetadata}. */
    @JsonPropertyOrder({"label", "kind", "purpose", "database", "notes", "keep", "created", "type", "compressed", "size_bytes",
            "size", "sha256", "server_version", "dbsnap_version", "schema_fingerprint", "owners", "privileges", "objects",
            "scope", "tables",
            "restore"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(
            @JsonProperty("label") String label,
            // written only for a snapshot dbsnap took as part of an operation (see SnapshotKind)
            @JsonProperty("kind") String kind,
            @JsonProperty("purpose") String purpose,
            @JsonProperty("database") String database,
            @JsonProperty("notes") String notes,
            // written only when true
            @JsonProperty("keep") Boolean keep,
            @JsonProperty("created") String created,
            @JsonProperty("type") String type,
            @JsonProperty("compressed") Boolean compressed,
            @JsonProperty("size_bytes") Long sizeBytes,
            // written for people; read back from size_bytes
            @JsonProperty("size") String size,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("server_version") String serverVersion,
            @JsonProperty("dbsnap_version") String dbsnapVersion,
            @JsonProperty("schema_fingerprint") String schemaFingerprint,
            // absent in metadata written before dbsnap recorded owners and privileges: false
            @JsonProperty("owners") Boolean owners,
            @JsonProperty("privileges") Boolean privileges,
            @JsonProperty("objects") Counts objects,
            @JsonProperty("scope") Scope scope,
            @JsonProperty("tables") List<Table> tables,
            // written for people; derived from the name when read
            @JsonProperty("restore") Restore restore) {

        static Document of(SnapshotMetadata m) {
            // a schema-only snapshot has no tables field at all, rather than an empty list
            List<Table> tables = m.type().equals(SnapshotFacts.SCHEMA_ONLY) && m.tables().isEmpty() ? null
                    : m.tables().stream().map(t -> new Table(t.table(), t.rows(), t.sha256())).toList();
            SnapshotDetails d = m.details();
            RestoreInstructions restore = m.restoreInstructions();
            String kind = d.kind() == SnapshotKind.ON_REQUEST ? null : d.kind().fileValue();
            return new Document(m.label(), kind, d.purpose().orElse(null), d.database().orElse(null), d.notes().orElse(null),
                    d.keep() ? Boolean.TRUE : null, m.created().toString(), m.type(), m.compressed(), m.sizeBytes(),
                    m.size(), m.sha256(), m.serverVersion(), m.dbsnapVersion(), m.schemaFingerprint().orElse(null),
                    m.access().owners(), m.access().privileges(), m.objects().map(Counts::of).orElse(null), m.scope().map(Scope::of).orElse(null), tables,
                    new Restore(restore.dbsnap(), restore.psql()));
        }

        SnapshotMetadata toMetadata(Path file) {
            List<String> absent = new ArrayList<>();
            require(label, "label", absent);
            require(created, "created", absent);
            require(type, "type", absent);
            require(compressed, "compressed", absent);
            require(sizeBytes, "size_bytes", absent);
            require(sha256, "sha256", absent);
            require(serverVersion, "server_version", absent);
            require(dbsnapVersion, "dbsnap_version", absent);
            if (!absent.isEmpty()) {
                throw unreadable(file, "it has no " + String.join(", ", absent), null);
            }
            try {
                List<TableFacts> tableFacts = new ArrayList<>();
                for (Table t : tables == null ? List.<Table>of() : tables) {
                    if (t == null || t.rows() == null) {
                        throw new IllegalArgumentException("a table entry has no rows");
                    }
                    tableFacts.add(new TableFacts(t.table(), t.rows(), t.sha256()));
                }
                SnapshotDetails details = new SnapshotDetails(nonBlank(purpose), nonBlank(database), nonBlank(notes),
                        Boolean.TRUE.equals(keep), SnapshotKind.fromFile(nonBlank(kind)));
                return new SnapshotMetadata(label, details, Instant.parse(created), type, compressed, sizeBytes, sha256,
                        serverVersion, dbsnapVersion, Optional.ofNullable(schemaFingerprint), Optional.ofNullable(objects).map(Counts::toCounts),
                        Optional.ofNullable(scope).map(Scope::toScope), tableFacts,
                        new RecordedAccess(Boolean.TRUE.equals(owners), Boolean.TRUE.equals(privileges)));
            } catch (DateTimeParseException e) {
                throw unreadable(file, "created '" + created + "' is not an ISO-8601 time such as "
                        + "2026-03-04T05:06:07Z", e);
            } catch (IllegalArgumentException e) {
                throw unreadable(file, e.getMessage(), e);
            }
        }

        /** An empty text edited into the file means none was given. */
        private static Optional<String> nonBlank(String text) {
            return Optional.ofNullable(text).filter(t -> !t.isBlank());
        }

        private static void require(Object value, String field, List<String> absent) {
            if (value == null) {
                absent.add(field);
            }
        }
    }

    /** The {@code scope} field; an absent list means an empty one. */
    @JsonPropertyOrder({"schemas", "tables", "exclude_tables"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scope(
            @JsonProperty("schemas") List<String> schemas,
            @JsonProperty("tables") List<String> tables,
            @JsonProperty("exclude_tables") List<String> excludeTables) {

        static Scope of(SnapshotScope s) {
            return new Scope(s.schemas(), s.tables(), s.excludeTables());
        }

        SnapshotScope toScope() {
            return new SnapshotScope(orEmpty(schemas), orEmpty(tables), orEmpty(excludeTables));
        }

        private static List<String> orEmpty(List<String> names) {
            if (names == null) {
                return List.of();
            }
            if (names.contains(null)) {
                throw new IllegalArgumentException("the scope lists an empty name");
            }
            return names;
        }
    }

    /** The {@code objects} field; a count left out reads as 0. */
    @JsonPropertyOrder({"tables", "views", "functions", "triggers", "policies", "sequences", "types", "indexes"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(
            @JsonProperty("tables") int tables,
            @JsonProperty("views") int views,
            @JsonProperty("functions") int functions,
            @JsonProperty("triggers") int triggers,
            @JsonProperty("policies") int policies,
            @JsonProperty("sequences") int sequences,
            @JsonProperty("types") int types,
            @JsonProperty("indexes") int indexes) {

        static Counts of(ObjectCounts c) {
            return new Counts(c.tables(), c.views(), c.functions(), c.triggers(), c.policies(), c.sequences(), c.types(),
                    c.indexes());
        }

        ObjectCounts toCounts() {
            return new ObjectCounts(tables, views, functions, triggers, policies, sequences, types, indexes);
        }
    }

    /** The {@code restore} field. */
    @JsonPropertyOrder({"dbsnap", "psql"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Restore(@JsonProperty("dbsnap") String dbsnap, @JsonProperty("psql") String psql) {
    }

    /** One entry of {@code tables}. */
    @JsonPropertyOrder({"table", "rows", "sha256"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(
            @JsonProperty("table") String table,
            @JsonProperty("rows") Long rows,
            @JsonProperty("sha256") String sha256) {
    }
}
