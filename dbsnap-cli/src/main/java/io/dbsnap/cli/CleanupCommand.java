package io.dbsnap.cli;

import io.dbsnap.SnapshotDirectory;
import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap cleanup}: deletes the snapshots a retention policy does not keep, after showing
 * the plan and getting a yes. Exactly the snapshots shown are deleted, even if the clock moved
 * a rule's boundary while the question was open.
 */
@Command(name = "cleanup", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Delete old snapshots by a retention policy.",
        description = "Delete old snapshots by a retention policy: shows which are kept (and why) and which go, then "
                + "asks; without a terminal, --yes is required. Never deleted: the newest snapshot, pinned ones, "
                + "labels baseline and v1, v1.2.0, v1.2.0-rc1 ..., and damaged entries. --keep-last does not count "
                + "safety snapshots (unless --count-safety-snapshots). With neither option the "
                + "standard policy applies: all of 7 days, one a day for 30 days, one a week for a year, one a "
                + "month forever. Both options together keep what either keeps. No database is needed.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap cleanup --dry-run",
                "  dbsnap cleanup --keep-last 10 --yes",
                "  dbsnap cleanup --policy standard --keep-last 20",
                "  dbsnap cleanup --keep-last 10 --dry-run --json | jq -r '.to_delete[].name'"})
final class CleanupCommand implements Callable<Integer> {

    /** Named policies. */
    enum Policy { STANDARD }

    @ParentCommand
    private DbsnapCommand root;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest snapshots.")
    private Integer keepLast;

    @Option(names = "--count-safety-snapshots",
            description = "Count safety snapshots (before_restore, written by restore and rollback) among --keep-last's N."
                    + " Without it they take no place there, and are kept while newer than the N kept.")
    private boolean countSafetySnapshots;

    @Option(names = "--policy", paramLabel = "NAME", description = "standard: the policy described above.")
    private Policy policy;

    @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
    private boolean dryRun;

    @Option(names = "--yes", description = "Do not ask: the command line is the confirmation (scripts, CI).")
    private boolean yes;

    @Option(names = "--json", description = "Print the plan (and what was deleted) as one JSON object, for tools"
            + " (shape in the README).")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        SnapshotDirectory directory = root.snapshots();
        CleanupPlan plan = directory.cleanup(retention(directory.store())).dryRun();
        // with --json the plan is the document; the text of the plan goes where the question is asked
        (json ? context.err() : context.out()).print(plan.describe());
        if (dryRun || plan.deleted().isEmpty()) {
            if (json) {
                context.out().print(CleanupJson.of(directory.path(), plan, dryRun, List.of()));
            } else {
                context.out().println(dryRun ? "Dry run: nothing was deleted." : "Nothing to delete.");
            }
            return ExitCodes.OK;
        }
        Confirmation.require(context, yes, "delete " + SnapshotReport.plural(plan.deleted().size(), "snapshot")
                + " from " + directory.path());
        List<String> deleted = delete(directory.store(), plan.deletedIds());
        if (json) {
            context.out().print(CleanupJson.of(directory.path(), plan, false, deleted));
        } else {
            context.out().println("Deleted " + SnapshotReport.plural(deleted.size(), "snapshot") + " from "
                    + directory.path() + ".");
        }
        return ExitCodes.OK;
    }

    private RetentionPolicy retention(SnapshotStore store) {
        RetentionPolicy chosen = policy == Policy.STANDARD || keepLast == null ? RetentionPolicy.standard() : null;
        if (keepLast != null) {
            Set<String> safety = countSafetySnapshots ? Set.of() : safetySnapshots(store);
            RetentionPolicy last = safety.isEmpty() ? RetentionPolicy.keepLast(keepLast)
                    : RetentionPolicy.keepLast(keepLast, c -> !safety.contains(c.id()), "safety snapshots");
            chosen = chosen == null ? last : chosen.and(last);
        }
        return chosen;
    }

    /** The snapshots restore and rollback wrote as safety snapshots, by name, as their metadata says. */
    private static Set<String> safetySnapshots(SnapshotStore store) {
        return store.entries().stream()
                .filter(e -> e.metadata().map(m -> m.kind() == SnapshotKind.SAFETY).orElse(false))
                .map(e -> e.name().baseName()).collect(Collectors.toSet());
    }

    /** Deletes the snapshots shown, by name; one already gone (another cleanup) is skipped. */
    private static List<String> delete(SnapshotStore store, List<String> ids) {
        Map<String, StoredSnapshot> present = store.list().stream()
                .collect(Collectors.toMap(s -> s.name().baseName(), Function.identity(), (a, b) -> a));
        List<String> deleted = new java.util.ArrayList<>();
        for (String id : ids) {
            StoredSnapshot snapshot = present.get(id);
            if (snapshot != null) {
                store.delete(snapshot);
                deleted.add(id);
            }
        }
        return deleted;
    }
}
