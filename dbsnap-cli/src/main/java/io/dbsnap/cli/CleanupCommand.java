package io.dbsnap.cli;

import io.dbsnap.SnapshotDirectory;
import io.dbsnap.SnapshotEvent;
import io.dbsnap.SnapshotEvents;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.CleanupPlan;
import io.dbsnap.store.RetentionPolicy;
import io.dbsnap.store.SnapshotKind;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
                + "month forever. Options together keep what any of them keeps. Whatever the options, no snapshot younger "
                + "than the minimum age (7 days; --minimum-age, $DBSNAP_MINIMUM_AGE) is deleted, not even one named, "
                + "unless --ignore-minimum-age. --keep KIND=AGE keeps a kind of snapshot (manual, pre-migration, safety, "
                + "nightly) or labels with a prefix (label:PREFIX=AGE) for an age of its own; also $DBSNAP_RETENTION "
                + "(comma-separated). No database is needed.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap cleanup --dry-run",
                "  dbsnap cleanup --keep-last 10 --yes",
                "  dbsnap cleanup --policy standard --keep-last 20",
                "  dbsnap cleanup --keep-last 10 --dry-run --json | jq -r '.to_delete[].name'",
                "  dbsnap cleanup --keep manual=30d --keep pre-migration=90d --older-than 14d --dry-run",
                "  dbsnap cleanup 20261201_020000_nightly --ignore-minimum-age --yes"})
final class CleanupCommand implements Callable<Integer> {

    /** Named policies. */
    enum Policy { STANDARD }

    static final String MINIMUM_AGE_VARIABLE = "DBSNAP_MINIMUM_AGE";

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

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Delete the snapshots older than AGE (30d, 12h, 90m): keep every one within it.")
    private String olderThan;

    @Option(names = "--keep", paramLabel = "KIND=AGE",
            description = "Keep the snapshots of KIND (manual, pre-migration, safety, nightly; or label:PREFIX) for AGE,"
                    + " such as manual=30d (repeatable). Default: $DBSNAP_RETENTION, such as manual=30d,pre-migration=90d.")
    private List<String> keepKinds = new ArrayList<>();

    @Option(names = "--minimum-age", paramLabel = "AGE",
            description = "Never delete a snapshot younger than AGE. Default: $DBSNAP_MINIMUM_AGE, else 7d.")
    private String minimumAge;

    @Option(names = "--ignore-minimum-age",
            description = "Allow deleting snapshots younger than the minimum age (by the other options, or named).")
    private boolean ignoreMinimumAge;

    @Parameters(paramLabel = "SNAPSHOT", arity = "0..*",
            description = "Delete only these snapshots (by name, as list shows them); the others are kept.")
    private List<String> named = new ArrayList<>();

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
        CleanupPlan plan = directory.cleanup(retention(directory.store(), context.environment()), context.clock()).dryRun();
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
        List<String> deleted;
        long started = System.nanoTime();
        try {
            deleted = delete(directory.store(), plan.deletedIds(), started);
        } catch (RuntimeException e) {
            root.events().failed("cleanup", directory.path().toString(), Optional.empty(), started, e);
            throw e;
        }
        if (json) {
            context.out().print(CleanupJson.of(directory.path(), plan, false, deleted));
        } else {
            context.out().println("Deleted " + SnapshotReport.plural(deleted.size(), "snapshot") + " from "
                    + directory.path() + ".");
        }
        return ExitCodes.OK;
    }

    private RetentionPolicy retention(SnapshotStore store, Environment environment) {
        List<RetentionPolicy> chosen = new ArrayList<>();
        if (keepLast != null) {
            Set<String> safety = countSafetySnapshots ? Set.of() : safetySnapshots(store);
            chosen.add(safety.isEmpty() ? RetentionPolicy.keepLast(keepLast)
                    : RetentionPolicy.keepLast(keepLast, c -> !safety.contains(c.id()), "safety snapshots"));
        }
        if (olderThan != null) {
            chosen.add(RetentionPolicy.keepAllWithin(Ages.parse(olderThan, "--older-than")));
        }
        if (!named.isEmpty()) {
            if (!chosen.isEmpty() || policy != null) {
                throw new UsageException("Name snapshots to delete, or give a policy (--keep-last, --older-than, --policy),"
                        + " not both.");
            }
            chosen.add(RetentionPolicy.deleteOnly(names(store)));
        }
        if (chosen.isEmpty() || policy == Policy.STANDARD) {
            chosen.add(RetentionPolicy.standard());
        }
        if (named.isEmpty()) {
            chosen.addAll(KindRetention.parse(keepKinds.isEmpty()
                    ? environment.variables().getOrDefault(KindRetention.VARIABLE, "") : String.join(",", keepKinds),
                    keepKinds.isEmpty() ? "$" + KindRetention.VARIABLE : "--keep"));
        }
        RetentionPolicy combined = chosen.stream().reduce(RetentionPolicy::and).orElseThrow();
        String floor = minimumAge != null ? minimumAge : environment.variables().get(MINIMUM_AGE_VARIABLE);
        if (floor != null && !floor.isBlank()) {
            combined = combined.minimumAge(Ages.parse(floor, minimumAge != null ? "--minimum-age" : "$" + MINIMUM_AGE_VARIABLE));
        }
        return ignoreMinimumAge ? combined.ignoringMinimumAge() : combined;
    }

    /** The names given, each as listed; a name that is not in the directory is a usage error. */
    private Set<String> names(SnapshotStore store) {
        Set<String> present = store.list().stream().map(s -> s.name().baseName()).collect(Collectors.toSet());
        Set<String> wanted = new java.util.LinkedHashSet<>();
        for (String name : named) {
            String base = name.replaceFirst("\\.(sql|sql\\.gz|meta\\.yaml|catalog\\.json)$", "");
            if (!present.contains(base)) {
                throw new UsageException("No snapshot named " + name + " in " + store.directory()
                        + ": name snapshots as 'dbsnap list' shows them, such as 20261201_020000_nightly.");
            }
            wanted.add(base);
        }
        return wanted;
    }

    /** The snapshots restore and rollback wrote as safety snapshots, by name, as their metadata says. */
    private static Set<String> safetySnapshots(SnapshotStore store) {
        return store.entries().stream()
                .filter(e -> e.metadata().map(m -> m.kind() == SnapshotKind.SAFETY).orElse(false))
                .map(e -> e.name().baseName()).collect(Collectors.toSet());
    }

    /** Deletes the snapshots shown, by name; one already gone (another cleanup) is skipped. */
    private List<String> delete(SnapshotStore store, List<String> ids, long started) {
        Map<String, StoredSnapshot> present = store.list().stream()
                .collect(Collectors.toMap(s -> s.name().baseName(), Function.identity(), (a, b) -> a));
        List<String> deleted = new java.util.ArrayList<>();
        for (String id : ids) {
            StoredSnapshot snapshot = present.get(id);
            if (snapshot != null) {
                // read before the files go: the event carries its size, checksum and database
                Optional<SnapshotMetadata> metadata = readable(store, snapshot);
                store.delete(snapshot);
                deleted.add(id);
                root.events().tell(SnapshotEvents.about(SnapshotEvent.Type.DELETED, "cleanup", snapshot, metadata,
                        metadata.flatMap(m -> m.details().database()), Duration.ofNanos(System.nanoTime() - started)));
            }
        }
        return deleted;
    }

    private static Optional<SnapshotMetadata> readable(SnapshotStore store, StoredSnapshot snapshot) {
        try {
            return Optional.of(store.metadata(snapshot));
        } catch (DbSnapException e) {
            return Optional.empty();
        }
    }
}
