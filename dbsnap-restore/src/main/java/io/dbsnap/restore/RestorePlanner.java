package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Table;
import io.dbsnap.diff.Change;
import io.dbsnap.diff.DiffOptions;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.diff.SubjectKind;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.TableFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Works out a {@link RestorePlan}: what a restore would lose, from the database as it is now. */
final class RestorePlanner {

    /** What a restore loses with the objects they are on, not objects of their own. */
    private static final Set<SubjectKind> ANNOTATIONS = EnumSet.of(SubjectKind.COMMENT, SubjectKind.SECURITY_LABEL);

    private RestorePlanner() {
    }

    /**
     * @param snapshotCatalog what the snapshot creates; empty when it has none, or when it is
     *                        data-only or records no scope (then nothing is dropped)
     * @param current         the database's catalog now, within the snapshot's scope
     */
    static RestorePlan plan(Connection connection, String snapshot, String target, SnapshotMetadata metadata,
                            Optional<Catalog> snapshotCatalog, Catalog current) throws SQLException {
        boolean dataOnly = metadata.type().equals(SnapshotFacts.DATA_ONLY);
        Map<String, Long> loaded = new HashMap<>();
        for (TableFacts table : metadata.tables()) {
            loaded.merge(table.table(), table.rows(), Long::sum);
        }
        // left empty: a data-only restore empties the tables it has rows for (their rows replace the
        // old ones), a full one every table of its scope; loses rows where the snapshot has none
        List<String> leftEmpty = current.tables().stream().filter(t -> !t.isPartitioned()).map(Table::name)
                .map(name -> name.sql())
                .filter(name -> dataOnly ? loaded.getOrDefault(name, -1L) == 0 : loaded.getOrDefault(name, 0L) == 0)
                .toList();
        TablesWithRows emptied = RowProbe.find(connection, leftEmpty);
        List<String> dropped = snapshotCatalog.isEmpty() || dataOnly || metadata.scope().isEmpty() ? List.of()
                : dropped(current, snapshotCatalog.get());
        return new RestorePlan(snapshot, metadata.type(), target, emptied, dropped);
    }

    /**
     * The objects the snapshot lacks, and the columns and constraints added since to tables it
     * has: in the diff from the snapshot to the database now, what was added. What lives on a
     * table the snapshot lacks goes with that table; comments, owners and grants are not objects.
     */
    private static List<String> dropped(Catalog current, Catalog snapshot) {
        return SchemaDiff.compare(DiffSide.of("snapshot", snapshot), DiffSide.of("current", current),
                        new DiffOptions(false, false))
                .changes().stream()
                .filter(c -> c.action() == Change.Action.ADDED && !ANNOTATIONS.contains(c.subject().kind()))
                .map(c -> c.subject().toString()).toList();
    }
}
