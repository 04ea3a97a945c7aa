package io.dbsnap.dumper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dump contains. The default is a schema-only dump with the default {@link DdlOptions},
 * waiting at most 30 seconds for each table lock.
 *
 * @param content          schema, data or both
 * @param ddl              owners, privileges, clean
 * @param excludeTableData tables (patterns as for {@link CatalogReader#tables}) whose definition is
 *                         dumped but not their rows, like pg_dump's {@code --exclude-table-data}
 * @param lockTimeout      how long to wait for the {@code ACCESS SHARE} lock of each table before
 *                         giving up; a migration holding an {@code ACCESS EXCLUSIVE} lock would
 *                         otherwise make the dump wait for as long as it runs
 */
public record DumpOptions(Content content, DdlOptions ddl, List<String> excludeTableData, Duration lockTimeout) {

    /** Which parts of the database a dump writes. */
    public enum Content {
        SCHEMA_ONLY, SCHEMA_AND_DATA, DATA_ONLY;

        boolean schema() {
            return this != DATA_ONLY;
        }

        boolean data() {
            return this != SCHEMA_ONLY;
        }
    }

    public DumpOptions {
        excludeTableData = List.copyOf(excludeTableData);
        // checked now, so that a bad pattern fails before anything is read
        new RelationPatterns(List.of(), excludeTableData);
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("the lock timeout must be positive, not " + lockTimeout);
        }
    }

    public static DumpOptions schemaOnly() {
        return new DumpOptions(Content.SCHEMA_ONLY, DdlOptions.defaults(), List.of(), Duration.ofSeconds(30));
    }

    public static DumpOptions schemaAndData() {
        return schemaOnly().with(Content.SCHEMA_AND_DATA);
    }

    public static DumpOptions dataOnly() {
        return schemaOnly().with(Content.DATA_ONLY);
    }

    public DumpOptions with(Content newContent) {
        return new DumpOptions(newContent, ddl, excludeTableData, lockTimeout);
    }

    public DumpOptions with(DdlOptions newDdl) {
        return new DumpOptions(content, newDdl, excludeTableData, lockTimeout);
    }

    /** Adds tables whose rows are left out. */
    public DumpOptions excludeTableData(String... patterns) {
        List<String> all = new ArrayList<>(excludeTableData);
        all.addAll(List.of(patterns));
        return new DumpOptions(content, ddl, all, lockTimeout);
    }

    public DumpOptions lockTimeout(Duration timeout) {
        return new DumpOptions(content, ddl, excludeTableData, timeout);
    }
}
