package io.dbsnap.store;

import io.dbsnap.errors.DbSnapException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One entry of a store's listing: a snapshot with its metadata, or what is left of a damaged one.
 *
 * @param index    its place in the listing, 1 for the newest; a stable way to pick it while the
 *                 directory does not change
 * @param name     its name, from its SQL file or, when that is missing, its metadata file
 * @param snapshot its SQL file; empty when only the metadata is left
 * @param metadata what its metadata says; empty when damaged
 * @param damage   what is wrong with it, for people; empty when it is whole
 */
public record SnapshotInfo(int index, SnapshotName name, Optional<StoredSnapshot> snapshot,
                           Optional<SnapshotMetadata> metadata, Optional<String> damage) {

    /**
     * A listed snapshot with its metadata, or with the reason it cannot be used. The size comes from
     * the listing itself, so a truncated {@code data} (an SQL file, an object) is told without reading it.
     */
    static SnapshotInfo checked(int index, StoredSnapshot snapshot, String data,
                                Function<StoredSnapshot, SnapshotMetadata> readMetadata) {
        try {
            SnapshotMetadata metadata = readMetadata.apply(snapshot);
            Optional<String> damage = metadata.sizeBytes() == snapshot.sizeBytes() ? Optional.empty()
                    : Optional.of("its " + data + " has " + snapshot.sizeBytes() + " bytes, its metadata records "
                    + metadata.sizeBytes() + ": it was truncated or was changed after it was written");
            return new SnapshotInfo(index, snapshot.name(), Optional.of(snapshot), Optional.of(metadata), damage);
        } catch (DbSnapException e) {
            return new SnapshotInfo(index, snapshot.name(), Optional.of(snapshot), Optional.empty(),
                    Optional.of(e.getMessage()));
        }
    }

    /** A snapshot newer than this is marked as recent in listings. */
    public static final Duration RECENT = Duration.ofHours(24);

    public SnapshotInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(damage, "damage");
        if (damage.isEmpty() && (snapshot.isEmpty() || metadata.isEmpty())) {
            throw new IllegalArgumentException("A whole snapshot has its SQL file and its metadata");
        }
    }

    public String label() {
        return name.label();
    }

    public Instant created() {
        return name.created();
    }

    public boolean damaged() {
        return damage.isPresent();
    }

    /** How long ago it was taken, as of {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(created(), now);
    }

    /** Taken less than {@link #RECENT} before {@code now}. */
    public boolean isRecent(Instant now) {
        return age(now).compareTo(RECENT) < 0;
    }

    /** The size of the SQL file, 0 when it is missing. */
    public long sizeBytes() {
        return snapshot.map(StoredSnapshot::sizeBytes).orElse(0L);
    }

    /** schema-only, schema+data or data-only; {@code ?} when the metadata cannot tell. */
    public String type() {
        return metadata.map(SnapshotMetadata::type).orElse("?");
    }

    public Optional<String> purpose() {
        return metadata.flatMap(SnapshotMetadata::purpose);
    }

    /** Pinned in its metadata ({@code keep: true}): never deleted by a retention policy. */
    public boolean pinned() {
        return metadata.map(m -> m.details().keep()).orElse(false);
    }
}
