package io.dbsnap.cli;

import io.dbsnap.diff.DiffReport;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.UnifiedDdlDiff;
import io.dbsnap.migration.MigrationPlan;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.store.SnapshotScope;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dbsnap diff A B}: what changed from A to B, each a snapshot or a live database. A live
 * side is read over the scope of the snapshot on the other side (every schema when both are live).
 */
@Command(name = "diff", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        header = "Show what changed between two snapshots or databases.",
        description = "Show what changed from A to B: objects added, removed and changed, with risky changes flagged "
                + "(dropped tables and columns, narrowed types, ...), and for two data snapshots the tables whose "
                + "rows changed. A and B are snapshots (as for restore) or database URLs; two snapshots need no "
                + "server. --format unified prints a diff -u of the DDL: the snapshots' files, or for a database "
                + "the DDL dbsnap writes of its structure (compared with the snapshot's structure written the same "
                + "way). --format sql prints the migration from A to B: the statements that turn A's schema into B's,"
                + " keeping the rows of every table and column both have, each step's hazards as comments above it."
                + " The exit code is 0 whether or not there are changes.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsnap diff baseline pre_migration",
                "  dbsnap diff pre_migration \"$DATABASE_URL\" --format markdown > drift.md",
                "  dbsnap diff 2 1 --format json | jq '.changes | length'",
                "  dbsnap diff baseline latest --format unified",
                "  dbsnap diff \"$DATABASE_URL\" pre_migration --format sql > rollback.sql"})
final class DiffCommand implements Callable<Integer> {

    /** The report formats. */
    enum Format { TEXT, MARKDOWN, JSON, UNIFIED, SQL }

    @ParentCommand
    private DbsnapCommand root;

    @Parameters(index = "0", paramLabel = "A", description = "Before: a snapshot or a database URL.")
    private String before;

    @Parameters(index = "1", paramLabel = "B", description = "After: a snapshot or a database URL.")
    private String after;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TEXT",
            description = "text (default), markdown, json, unified or sql.")
    private Format format;

    @Override
    public Integer call() {
        DiffOperand a = DiffOperand.of(before, root);
        DiffOperand b = DiffOperand.of(after, root);
        SnapshotScope scope = a.scope().or(b::scope).orElse(SnapshotScope.everything());
        String text;
        if (format == Format.UNIFIED) {
            text = unified(a, b, scope);
        } else if (format == Format.SQL) {
            MigrationPlan plan = MigrationPlanner.plan(a.side(scope).catalog(), b.side(scope).catalog());
            text = "-- migration from " + a.name() + " to " + b.name() + ": " + plan.steps().size()
                    + (plan.steps().size() == 1 ? " step" : " steps") + (plan.preservesData() ? ", keeps every row"
                    : ", LOSES DATA (see the hazards)") + "\n" + plan.toSql();
        } else {
            DiffReport report = SchemaDiff.compare(a.side(scope), b.side(scope));
            text = switch (format) {
                case MARKDOWN -> report.toMarkdown();
                case JSON -> report.toJson();
                default -> report.toText();
            };
        }
        root.context().out().print(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
        return ExitCodes.OK;
    }

    private static String unified(DiffOperand a, DiffOperand b, SnapshotScope scope) {
        if (a instanceof DiffOperand.SnapshotSide first && b instanceof DiffOperand.SnapshotSide second) {
            return UnifiedDdlDiff.ofSnapshots(first.stored().directory().store(), first.stored().snapshot().stored(),
                    second.stored().snapshot().stored());
        }
        return UnifiedDdlDiff.between(a.name(), a.ddl(scope), b.name(), b.ddl(scope));
    }
}
