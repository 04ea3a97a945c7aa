package io.dbsnap.dumper.internal.data;

import io.dbsnap.dump.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes the text of a script: a title, the session settings a plain dump starts with, and
 * statements under a heading for each section, each statement followed by a blank line.
 */
public final class ScriptOutput {

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
    private Section current;

    public ScriptOutput(Writer out) {
        this.out = out;
    }

    public void begin(String title) throws IOException {
        out.write("--\n-- " + title + "\n--\n\n");
        for (String line : PREAMBLE) {
            out.write(line + "\n");
        }
    }

    public void statement(Section section, String sql) throws IOException {
        enter(section);
        out.write("\n");
        out.write(sql);
        out.write("\n");
    }

    /** Writes the heading of {@code section} unless it is the current one. */
    void enter(Section section) throws IOException {
        if (section != current) {
            current = section;
            out.write("\n--\n-- " + section.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\n--\n");
        }
    }

    public void flush() throws IOException {
        out.flush();
    }
}
