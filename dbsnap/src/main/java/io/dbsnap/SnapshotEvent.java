package io.dbsnap;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happened to a snapshot, as a {@link SnapshotListener} hears it once the outcome is known.
 *
 * @param type      what happened: created, restored, rolled back, deleted, or failed
 * @param operation the operation it came from: {@code snapshot}, {@code restore}, {@code rollback}
 *                  or {@code cleanup}
 * @param name      the snapshot's name {@code {yyyyMMdd_HHmmss}_{label}}; for a snapshot that failed
 *                  before it was named, its label
 * @param location  where its SQL file is (a path, or a URI for a store that is not a directory);
 *                  empty when no file was written
 * @param sizeBytes the size of its SQL file, when known
 * @param sha256    the SHA-256 of its SQL file, as hex, when known
 * @param database  the database, as {@code user@host:port/db}, never with a password; empty when it
 *                  could not be told (no database takes part in a cleanup)
 * @param duration  how long the operation took
 * @param time      when the outcome was known
 * @param error     for {@link Type#FAILED}, what went wrong, as the exception said it
 */
public record SnapshotEvent(Type type, String operation, String name, Optional<String> location,
                            OptionalLong sizeBytes, Optional<String> sha256, Optional<String> database,
                            Duration duration, Instant time, Optional<String> error) {

    /** What happened; {@link #wireName()} is how the JSON of events names it. */
    public enum Type {
        CREATED("snapshot.created"),
        RESTORED("snapshot.restored"),
        ROLLED_BACK("snapshot.rolled_back"),
        DELETED("snapshot.deleted"),
        FAILED("snapshot.failed");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** {@code snapshot.created}, {@code snapshot.restored}, ... */
        public String wireName() {
            return wireName;
        }
    }

    public SnapshotEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(error, "error");
    }
}
