package io.dbsnap.store;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of a store that people check before they trust their backups: how many snapshots,
 * their total size, the oldest and the newest, the newest of each {@link RetentionKind}, whether
 * the newest still verifies (its file's size and SHA-256 match its metadata), and the snapshot
 * {@code latest} names.
 *
 * @param snapshots     the whole snapshots, newest first
 * @param damaged       how many entries are damaged (left out of everything else)
 * @param totalBytes    the size of the whole snapshots' SQL files together
 * @param newestByKind  the newest snapshot of each kind that has one
 * @param newestCheck   for the newest snapshot: empty when it verifies, else what is wrong (also when
 *                      the newest entry of all is damaged); empty too when there is no snapshot
 *                      (see {@link #newestVerified()})
 * @param latest        the snapshot {@code latest} names: a bucket's pointer object, in a directory the newest
 */
public record StoreStatus(List<SnapshotInfo> snapshots, int damaged, long totalBytes,
                          Map<RetentionKind, SnapshotInfo> newestByKind, Optional<String> newestCheck,
                          Optional<String> latest) {

    public StoreStatus {
        snapshots = List.copyOf(snapshots);
        newestByKind = Map.copyOf(newestByKind);
        Objects.requireNonNull(newestCheck, "newestCheck");
        Objects.requireNonNull(latest, "latest");
    }

    /** Reads the store's listing and checks its newest snapshot's checksum (the whole file is read once). */
    public static StoreStatus of(SnapshotStore store) {
        List<SnapshotInfo> entries = store.entries();
        List<SnapshotInfo> whole = entries.stream().filter(e -> !e.damaged()).toList();
        long total = whole.stream().mapToLong(SnapshotInfo::sizeBytes).sum();
        Map<RetentionKind, SnapshotInfo> byKind = new EnumMap<>(RetentionKind.class);
        for (SnapshotInfo entry : whole) {
            byKind.putIfAbsent(kindOf(entry), entry); // newest first: the first of a kind is its newest
        }
        Optional<String> check;
        if (!entries.isEmpty() && entries.get(0).damaged()) {
            // the newest entry of all is damaged (a size that no longer matches, metadata missing): the
            // newest backup is not usable, whatever the older ones are
            check = Optional.of("the newest entry, " + entries.get(0).name().baseName() + ", is damaged: "
                    + entries.get(0).damage().orElse("incomplete"));
        } else {
            check = whole.isEmpty() ? Optional.empty() : check(store, whole.get(0));
        }
        Optional<String> latest = whole.isEmpty() ? Optional.empty() : latest(store);
        return new StoreStatus(whole, entries.size() - whole.size(), total, byKind, check, latest);
    }

    /** What the reference latest resolves to (a bucket's pointer object, a directory's newest), if anything. */
    private static Optional<String> latest(SnapshotStore store) {
        try {
            return Optional.of(store.find("latest").name().baseName());
        } catch (SnapshotNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The retention kind of a listed snapshot: from its metadata's kind and its label. */
    public static RetentionKind kindOf(SnapshotInfo entry) {
        SnapshotKind kind = entry.metadata().map(SnapshotMetadata::kind).orElse(SnapshotKind.ON_REQUEST);
        return new RetentionCandidate(entry.name().baseName(), entry.created(), entry.label(), entry.pinned(), kind)
                .retentionKind();
    }

    public Optional<SnapshotInfo> newest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(0));
    }

    public Optional<SnapshotInfo> oldest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /** Whether there is a newest snapshot and its file's size and SHA-256 match its metadata. */
    public boolean newestVerified() {
        return !snapshots.isEmpty() && newestCheck.isEmpty();
    }

    private static Optional<String> check(SnapshotStore store, SnapshotInfo newest) {
        try (InputStream verified = store.openVerified(newest.snapshot().orElseThrow())) {
            return Optional.empty();
        } catch (DbSnapException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of("could not be read: " + e.getMessage());
        }
    }
}
