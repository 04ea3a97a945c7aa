package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotNotFoundException;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses what an emergency rollback restores: the state before the last dbsnap operation on the
 * database, decided from what dbsnap recorded (each snapshot's {@link SnapshotKind}, the restores
 * in {@code restore.log}), never from labels people choose. Going through the snapshots newest
 * first:
 * <ul>
 *   <li>a migration's snapshot after it is passed over: it is the state the migration made, the
 *       thing to undo; its snapshot before it is chosen, which undoes the migration;</li>
 *   <li>a restore's safety snapshot is passed over (restore it by name to undo a restore);</li>
 *   <li>a snapshot taken on request is chosen: it is what the database was before whatever
 *       happened since (a deploy, a migration run by another tool);</li>
 *   <li>when a restore is the last thing dbsnap did (nothing above was taken after it), the
 *       snapshot it restored is chosen again: the state dbsnap last put the database in. So a
 *       second emergency rollback does what the first did rather than undoing it.</li>
 * </ul>
 */
final class RollbackTarget {

    private static final int NAMED_PASSED_OVER = 5;

    private final SnapshotStore store;
    private final List<String> passedOver = new ArrayList<>();

    private RollbackTarget(SnapshotStore store) {
        this.store = store;
    }

    /**
     * @param target the database rolled back, {@code user@host:port/db}
     * @throws SnapshotNotFoundException when there is nothing to roll back to
     */
    static RollbackChoice choose(SnapshotStore store, String target) {
        return new RollbackTarget(store).choose(target);
    }

    private RollbackChoice choose(String target) {
        Optional<RestoreHistory.LoggedRestore> restore = RestoreHistory.lastRestoreInto(store.recordsDirectory(), target);
        List<StoredSnapshot> snapshots = store.list();
        Optional<StoredSnapshot> after = Optional.empty();
        boolean restoreConsidered = restore.isEmpty();
        for (StoredSnapshot snapshot : snapshots) {
            if (!restoreConsidered && !snapshot.name().created().isAfter(restore.get().finished())) {
                restoreConsidered = true;
                Optional<RollbackChoice> restored = restored(snapshots, restore.get());
                if (restored.isPresent()) {
                    return restored.get();
                }
            }
            Optional<SnapshotMetadata> metadata = metadata(snapshot);
            if (metadata.isEmpty()) {
                continue;
            }
            switch (kindOf(metadata.get())) {
                case ON_REQUEST -> {
                    return choice(snapshot, "it is the newest snapshot taken on request (" + created(snapshot)
                            + "), and dbsnap has not changed the database since: it is the state before whatever"
                            + " changed it afterwards");
                }
                case BEFORE_MIGRATION -> {
                    return choice(snapshot, migrationReason(snapshot, metadata.get(), after));
                }
                case AFTER_MIGRATION -> {
                    after = after.isEmpty() ? Optional.of(snapshot) : after;
                    passedOver.add(snapshot.name().baseName() + " (the state a migration made)");
                }
                case SAFETY -> passedOver.add(snapshot.name().baseName() + " (a restore's safety snapshot)");
                case OTHER -> passedOver.add(snapshot.name().baseName() + " (of a kind this dbsnap does not know)");
            }
        }
        if (!restoreConsidered) {
            Optional<RollbackChoice> restored = restored(snapshots, restore.get());
            if (restored.isPresent()) {
                return restored.get();
            }
        }
        throw new SnapshotNotFoundException("There is no snapshot to roll back to in " + store.directory() + passed()
                + ". Safety snapshots and the snapshots taken after migrations are never chosen for an emergency"
                + " rollback; restore one of them by name if that is what you want.");
    }

    /** The snapshot the last restore put the database in, when it is still there. */
    private Optional<RollbackChoice> restored(List<StoredSnapshot> snapshots, RestoreHistory.LoggedRestore restore) {
        String when = restore.finished().truncatedTo(ChronoUnit.SECONDS).toString();
        for (StoredSnapshot snapshot : snapshots) {
            if (snapshot.sqlFile().getFileName().toString().equals(restore.snapshotFile())) {
                return Optional.of(choice(snapshot, "the last dbsnap operation on this database was "
                        + (restore.emergency() ? "an emergency rollback" : "a restore") + " to it (" + when
                        + ", restore.log), and no snapshot was taken since: rolling back returns the database to the"
                        + " state that restore made (to undo the restore itself, restore its safety snapshot by name)"));
            }
        }
        passedOver.add(restore.snapshotFile() + " (restored last, at " + when + ", but no longer in the directory)");
        return Optional.empty();
    }

    private String migrationReason(StoredSnapshot before, SnapshotMetadata metadata, Optional<StoredSnapshot> after) {
        String migration = metadata.purpose().orElse("the migration " + before.name().label());
        if (after.isPresent()) {
            return "the last dbsnap operation was a migration (" + migration + "); this snapshot, taken before it,"
                    + " undoes it (" + after.get().name().baseName() + ", taken after it, is the state to undo)";
        }
        return "it was taken " + migration + ", the last dbsnap operation, which left no snapshot after it (it failed"
                + " and was rolled back, or statements it ran outside its transaction failed after it committed)";
    }

    private RollbackChoice choice(StoredSnapshot snapshot, String why) {
        return new RollbackChoice(snapshot, "Rolling back to " + snapshot.name().baseName() + ": " + why + passed() + ".");
    }

    private String passed() {
        if (passedOver.isEmpty()) {
            return "";
        }
        List<String> named = passedOver.subList(0, Math.min(passedOver.size(), NAMED_PASSED_OVER));
        int more = passedOver.size() - named.size();
        return "; passed over " + String.join(", ", named) + (more > 0 ? " and " + more + " more" : "");
    }

    private Optional<SnapshotMetadata> metadata(StoredSnapshot snapshot) {
        try {
            return Optional.of(store.metadata(snapshot));
        } catch (DbSnapException e) {
            passedOver.add(snapshot.name().baseName() + " (its metadata cannot be read)");
            return Optional.empty();
        }
    }

    /**
     * The recorded kind. Snapshots written before dbsnap recorded kinds are recognised by what it
     * wrote then: the safety label, and a migration's {@code after_} label with its purpose.
     */
    static SnapshotKind kindOf(SnapshotMetadata metadata) {
        if (metadata.kind() != SnapshotKind.ON_REQUEST) {
            return metadata.kind();
        }
        if (metadata.label().equals(SnapshotRestorer.SAFETY_LABEL)) {
            return SnapshotKind.SAFETY;
        }
        boolean legacyAfter = metadata.label().startsWith(Migrator.AFTER_PREFIX)
                && metadata.purpose().filter(p -> p.startsWith("after migration ")).isPresent();
        return legacyAfter ? SnapshotKind.AFTER_MIGRATION : SnapshotKind.ON_REQUEST;
    }

    private static String created(StoredSnapshot snapshot) {
        Instant created = snapshot.name().created();
        return "taken " + created;
    }
}
