package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dumper.internal.data.ScriptOutput;
import io.dbsnap.dumper.internal.plan.DdlPlanner;
import io.dbsnap.dumper.internal.plan.PlannedStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a {@link Catalog} as a plain SQL script that {@code psql -v ON_ERROR_STOP=1 -f} can run,
 * in the order {@link DdlPlanner} gives.
 */
public final class DdlWriter {

    private final Writer out;
    private final DdlOptions options;

    /** A writer with the default options: no owners, no privileges, no drops. */
    public DdlWriter(Writer out) {
        this(out, DdlOptions.defaults());
    }

    public DdlWriter(Writer out, DdlOptions options) {
        this.out = out;
        this.options = options;
    }

    public void write(Catalog catalog) {
        try {
            ScriptOutput script = new ScriptOutput(out);
            script.begin("dbsnap schema snapshot");
            for (PlannedStatement statement : DdlPlanner.plan(catalog, options)) {
                script.statement(statement.section(), statement.sql());
            }
            script.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
