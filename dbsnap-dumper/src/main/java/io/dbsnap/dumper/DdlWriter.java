package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Catalog} as a plain SQL script that {@code psql -v ON_ERROR_STOP=1 -f} can run,
 * in the order {@link DdlPlanner} gives.
 */
public final class DdlWriter {

    /** The same session settings pg_dump starts a plain dump with. */
    private static final List<String> PREAMBLE = List.of(
            "SET statement_timeout = 0;",
            "SET lock_timeout = 0;",
            "SET idle_in_transaction_session_timeout = 0;",
            "SET client_encoding = 'UTF8';",
            "SET standard_conforming_strings = on;",
            "SELECT pg_catalog.set_config('search_path', '', false);",
            "SET check_function_bodies = false;",
            "SET xmloption = content;",
            "SET client_min_messages = warning;",
            "SET row_security = off;");

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
            out.write("--\n-- dbsnap schema snapshot\n--\n\n");
            for (String line : PREAMBLE) {
                out.write(line + "\n");
            }
            Section current = null;
            for (PlannedStatement statement : DdlPlanner.plan(catalog, options)) {
                if (statement.section() != current) {
                    current = statement.section();
                    out.write("\n--\n-- " + current.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\n--\n");
                }
                out.write("\n");
                out.write(statement.sql());
                out.write("\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
