package io.dbsnap.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a snapshot's {@code {name}.meta.yaml} says about it.
 *
 * <p>The file is YAML with snake_case field names, which stay stable, and every text quoted:
 * <pre>
 * label: "pre_migration"
 * kind: "before-migration"             # only for a snapshot dbsnap took itself (see {@link SnapshotKind})
 * purpose: "before adding user_roles"  # these four only when given
 * database: "app@db.example.com:5432/app"   # user@host:port/db, never a password
 * notes: "ticket 1234"
 * keep: true                           # pinned: retention never deletes it
 * created: "2026-03-04T05:06:07Z"      # ISO-8601, UTC
 * type: "schema+data"                  # schema-only | schema+data | data-only
 * compressed: true
 * size_bytes: 12897245                 # of the SQL file as stored (compressed, for .sql.gz)
 * size: "12.3 MB"
 * sha256: "9f86d0..."                  # of the SQL file as stored
 * server_version: "17.6"
 * dbsnap_version: "0.1.0"
 * schema_fingerprint: "5e8848..."      # SHA-256 of the {name}.catalog.json text, when there is one
 * owners: true                         # the script sets owners (absent: false, as before dbsnap wrote them)
 * privileges: true                     # the script sets grants and default privileges
 * objects:                             # counts from the catalog, when there is one
 *   tables: 12
 *   views: 2
 *   functions: 5                       # functions, procedures and aggregates
 *   triggers: 3
 *   policies: 1
 *   sequences: 4
 *   types: 2
 *   indexes: 20
 * scope:                               # what the snapshot covers; an empty list means all
 *   schemas: ["public", "auth"]
 *   tables: []                         # table patterns it was limited to
 *   exclude_tables: ["public.audit_*"]
 * tables:                              # left out for a schema-only snapshot
 * - table: "public.\"Order\""
 *   rows: 1200
 *   sha256: "2c26b4..."                # of the table's COPY text
 * restore:                             # written for people, see {@link RestoreInstructions}
 *   dbsnap: "dbsnap restore 20260304_050607_pre_migration"
 *   psql: "psql -v ON_ERROR_STOP=1 --single-transaction -f 20260304_050607_pre_migration.sql.gz ..."
 * </pre>
 * Readers ignore fields they do not know, so that later versions can add fields that older ones
 * still read.
 *
 * @param details       purpose, database, notes and pin, as given when it was taken
 * @param sizeBytes     the size of the SQL file as stored
 * @param sha256        the SHA-256 of the SQL file as stored, as hex
 * @param serverVersion the PostgreSQL {@code server_version} of the database the snapshot is of
 * @param dbsnapVersion the version of dbsnap that wrote the snapshot
 * @param schemaFingerprint the SHA-256 of the snapshot's canonical catalog ({@code {name}.catalog.json}),
 *                      equal for two snapshots of the same schema; empty when it has no catalog
 * @param objects       how many objects of the main kinds it holds; empty without a catalog
 * @param scope         the schemas and tables the snapshot covers; empty in metadata written
 *                      before dbsnap recorded it, when an exact restore cannot tell what to drop
 * @param tables        the rows written per table; empty for a schema-only snapshot
 * @param access        whether the script sets owners and privileges
 */
public record SnapshotMetadata(String label, SnapshotDetails details, Instant created, String type, boolean compressed,
                               long sizeBytes, String sha256, String serverVersion, String dbsnapVersion,
                               Optional<String> schemaFingerprint, Optional<ObjectCounts> objects,
                               Optional<SnapshotScope> scope, List<TableFacts> tables, RecordedAccess access) {

    public SnapshotMetadata {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(dbsnapVersion, "dbsnapVersion");
        Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(scope, "scope");
        tables = List.copyOf(tables);
        Objects.requireNonNull(access, "access");
    }

    /** Metadata of a snapshot whose script sets no owners and no privileges. */
    public SnapshotMetadata(String label, SnapshotDetails details, Instant created, String type, boolean compressed,
                            long sizeBytes, String sha256, String serverVersion, String dbsnapVersion,
                            Optional<String> schemaFingerprint, Optional<ObjectCounts> objects,
                            Optional<SnapshotScope> scope, List<TableFacts> tables) {
        this(label, details, created, type, compressed, sizeBytes, sha256, serverVersion, dbsnapVersion,
                schemaFingerprint, objects, scope, tables, RecordedAccess.none());
    }

    /** Why the snapshot was taken, when that was said. */
    public Optional<String> purpose() {
        return details.purpose();
    }

    /** Why it was taken: on request, or by dbsnap as part of a restore or migration. */
    public SnapshotKind kind() {
        return details.kind();
    }

    /** The snapshot's name, which gives its files' names. */
    public SnapshotName name() {
        return new SnapshotName(created, label);
    }

    /** The commands that restore this snapshot, with dbsnap or with psql. */
    public RestoreInstructions restoreInstructions() {
        return RestoreInstructions.of(this);
    }

    /** The size of the SQL file for people to read, such as {@code 12.3 MB}. */
    public String size() {
        return ByteSize.format(sizeBytes);
    }
}
