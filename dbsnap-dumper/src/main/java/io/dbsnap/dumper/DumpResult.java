package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dump.TableData;
import java.util.List;

/**
 * What a dump read and wrote.
 *
 * @param catalog       the schema as it was read (also for a data-only dump)
 * @param serverVersion the server's {@code server_version}, e.g. {@code 15.18}
 * @param tables        row counts and checksums of every table whose rows were written, in the
 *                      order written; empty for a schema-only dump
 * @param warnings      what the dump left out because the role may not read it (also logged)
 */
public record DumpResult(Catalog catalog, String serverVersion, List<TableData> tables, List<String> warnings) {

    public DumpResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }
}
