package io.dbsnap.restore;

import io.dbsnap.store.SnapshotFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What restoring a snapshot in place would lose, read from the database before anything is
 * changed: the tables that hold rows now and would be empty afterwards, and the objects the
 * database has that the snapshot lacks, which the restore drops. A schema-only snapshot holds no
 * rows, so dropping and recreating would empty every table: {@link RestoreOptions#keepingData()}
 * (the default) restores it as a schema rollback that keeps them, and
 * {@link RestoreOptions#droppingAndRecreating()} is refused unless {@link RestoreOptions#discardingData()}.
 *
 * @param snapshot the snapshot's name
 * @param type     the snapshot's type: {@code schema-only}, {@code schema+data} or {@code data-only}
 * @param target   the database, {@code user@host:port/db}
 * @param emptied  the tables that hold rows now and none after the restore: for a schema-only
 *                 snapshot every table of its scope that holds rows; otherwise those the snapshot
 *                 has no rows for
 * @param dropped  the objects in the database, within the snapshot's scope, that the snapshot
 *                 lacks ({@code table app.user_roles}), and the columns and constraints added since
 *                 to its tables ({@code column app.users.points}, their values lost), as the
 *                 snapshot's diff to the database names them; empty when the snapshot has
 *                 no catalog to tell, or records no scope (nothing is dropped then)
 */
public record RestorePlan(String snapshot, String type, String target, TablesWithRows emptied, List<String> dropped) {

    /** How many dropped objects {@link #losses()} names before it says how many more. */
    static final int LISTED_OBJECTS = 20;

    public RestorePlan {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(emptied, "emptied");
        dropped = List.copyOf(dropped);
    }

    public boolean schemaOnly() {
        return type.equals(SnapshotFacts.SCHEMA_ONLY);
    }

    /** The same plan for a restore that keeps the rows ({@link RestoreOptions#keepingData()}): nothing emptied. */
    public RestorePlan keepingRows() {
        return new RestorePlan(snapshot, type, target, TablesWithRows.none(), dropped.stream().map(this::withRows).toList());
    }

    /**
     * {@code table app.t} or {@code column app.t.c} with the rows lost with it, where the table was
     * counted: {@code table app.t (2 rows)}, {@code column app.t.c (values of 50 rows)}.
     */
    private String withRows(String object) {
        for (TableRows t : emptied.counted()) {
            String rows = (t.atLeast() ? "over " : "") + String.format(java.util.Locale.ROOT, "%,d", t.rows())
                    + (t.rows() == 1 && !t.atLeast() ? " row" : " rows");
            if (object.equals("table " + t.table())) {
                return object + " (" + rows + ")";
            }
            if (object.startsWith("column " + t.table() + ".") && object.indexOf('.', ("column " + t.table() + ".").length()) < 0) {
                return object + " (values of " + rows + ")";
            }
        }
        return object;
    }

    /** A schema-only snapshot over tables that hold rows: every one of them would be emptied. */
    public boolean emptiesTablesWithRows() {
        return schemaOnly() && !emptied.isEmpty();
    }

    /** Nothing held now is lost: no table emptied, no object dropped. */
    public boolean losesNothing() {
        return emptied.isEmpty() && dropped.isEmpty();
    }

    /** One line per loss, for people: the tables emptied with their rows, the objects dropped. */
    public List<String> losses() {
        List<String> lines = new ArrayList<>();
        if (!emptied.isEmpty()) {
            lines.add("EMPTIED: " + emptied.total() + (schemaOnly()
                    ? " (a schema-only snapshot holds no rows: every table comes back empty)" : " (the snapshot has no rows for them)"));
            emptied.counted().forEach(t -> lines.add("  " + t.describe()));
            int more = emptied.tables() - emptied.counted().size();
            if (more > 0) {
                lines.add("  and " + more + " more " + (more == 1 ? "table" : "tables") + " with rows (not counted)");
            }
        }
        if (!dropped.isEmpty()) {
            lines.add("DROPPED: " + dropped.size() + (dropped.size() == 1 ? " object" : " objects")
                    + " the snapshot does not have (created after it)");
            dropped.stream().limit(LISTED_OBJECTS).forEach(d -> lines.add("  " + d));
            if (dropped.size() > LISTED_OBJECTS) {
                lines.add("  and " + (dropped.size() - LISTED_OBJECTS) + " more");
            }
        }
        return lines;
    }
}
