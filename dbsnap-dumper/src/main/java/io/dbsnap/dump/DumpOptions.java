package io.dbsnap.dump;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dumper.internal.read.RelationPatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dump contains. The default is a schema-only dump with the default {@link DdlOptions}
 * (owners and privileges, as pg_dump writes them),
 * waiting at most 30 seconds for each table lock, reading the rows through one connection.
 *
 * @param content          schema, data or both
 * @param ddl              owners, privileges, clean
 * @param excludeTableData tables (patterns as for {@link CatalogReader#tables}) whose definition is
 *                         dumped but not their rows, like pg_dump's {@code --exclude-table-data}
 * @param lockTimeout      how long to wait for the {@code ACCESS SHARE} lock of each table before
 *                         giving up; a migration holding an {@code ACCESS EXCLUSIVE} lock would
 *                         otherwise make the dump wait for as long as it runs
 * @param parallel         how many connections read tables' rows at once (1: the dump's own
 *                         connection only); more than 1 needs
 *                         {@link DatabaseDumper#dump(javax.sql.DataSource, java.io.OutputStream)},
 *                         which can open the others. The script is the same either way.
 */
public record DumpOptions(Content content, DdlOptions ddl, List<String> excludeTableData, Duration lockTimeout,
                          int parallel) {

    /** Which parts of the database a dump writes. */
    public enum Content {
        SCHEMA_ONLY, SCHEMA_AND_DATA, DATA_ONLY;

        public boolean schema() {
            return this != DATA_ONLY;
        }

        public boolean data() {
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
        if (parallel < 1) {
            throw new IllegalArgumentException("at least one connection must read the rows, not " + parallel);
        }
    }

    /** Options that read the rows through the dump's own connection only. */
    public DumpOptions(Content content, DdlOptions ddl, List<String> excludeTableData, Duration lockTimeout) {
        this(content, ddl, excludeTableData, lockTimeout, 1);
    }

    /** How long a dump waits for a lock unless told otherwise: 30 seconds. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    public static DumpOptions schemaOnly() {
        return new DumpOptions(Content.SCHEMA_ONLY, DdlOptions.defaults(), List.of(), DEFAULT_LOCK_TIMEOUT);
    }

    public static DumpOptions schemaAndData() {
        return schemaOnly().with(Content.SCHEMA_AND_DATA);
    }

    public static DumpOptions dataOnly() {
        return schemaOnly().with(Content.DATA_ONLY);
    }

    public DumpOptions with(Content newContent) {
        return new DumpOptions(newContent, ddl, excludeTableData, lockTimeout, parallel);
    }

    public DumpOptions with(DdlOptions newDdl) {
        return new DumpOptions(content, newDdl, excludeTableData, lockTimeout, parallel);
    }

    /** Leaves out {@code ALTER ... OWNER TO}, as pg_dump's {@code --no-owner}. */
    public DumpOptions noOwner() {
        return with(ddl.noOwner());
    }

    /** Leaves out grants and default privileges, as pg_dump's {@code --no-privileges}. */
    public DumpOptions noPrivileges() {
        return with(ddl.noPrivileges());
    }

    /** Adds tables whose rows are left out. */
    public DumpOptions excludeTableData(String... patterns) {
        List<String> all = new ArrayList<>(excludeTableData);
        all.addAll(List.of(patterns));
        return new DumpOptions(content, ddl, all, lockTimeout, parallel);
    }

    public DumpOptions lockTimeout(Duration timeout) {
        return new DumpOptions(content, ddl, excludeTableData, timeout, parallel);
    }

    /**
     * Reads the rows of up to {@code connections} tables at once, each through a connection of
     * its own that shares the dump's snapshot, so that the server formats several tables' rows in
     * parallel (like pg_dump's {@code --jobs}). The script stays byte-identical to a dump with one
     * connection: tables are written in the same order, those read ahead of their turn wait in
     * temporary files (in {@code java.io.tmpdir}, deleted as soon as they are written out).
     */
    public DumpOptions parallel(int connections) {
        return new DumpOptions(content, ddl, excludeTableData, lockTimeout, connections);
    }
}
