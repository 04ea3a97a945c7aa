package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Table;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.TableFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Works out a {@link RestorePlan}: what a restore would lose, from the database as it is now. */
final class RestorePlanner {

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

    /** The objects the snapshot lacks, and the columns added since to tables it has (their values go too). */
    private static List<String> dropped(Catalog current, Catalog snapshot) {
        List<String> dropped = new ArrayList<>(
                CatalogComparison.onlyIn(current, snapshot).stream().map(ObjectId::toString).toList());
        Map<QualifiedName, Table> kept = new HashMap<>();
        snapshot.tables().forEach(t -> kept.put(t.name(), t));
        for (Table table : current.tables()) {
            Table then = kept.get(table.name());
            if (then != null) {
                Set<String> columns = then.columns().stream().map(Column::name).collect(Collectors.toSet());
                table.columns().stream().map(Column::name).filter(c -> !columns.contains(c))
                        .forEach(c -> dropped.add("column " + table.name() + "." + c));
            }
        }
        return dropped;
    }
}
