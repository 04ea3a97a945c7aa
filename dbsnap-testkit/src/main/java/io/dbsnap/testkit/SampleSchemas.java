package io.dbsnap.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL scripts of sample schemas for demos and tests. */
public final class SampleSchemas {

    private SampleSchemas() {
    }

    /**
     * A small application in schema {@code app}: two tables with keys, a check, defaults and
     * identity columns, an index, a trigger function and its trigger, row-level security with a
     * policy, and a few rows.
     */
    public static String demo() {
        return resource("demo-schema.sql");
    }

    /**
     * Schema {@code "Data Kinds"} with rows of many types and shapes, for data round trips: text
     * with tabs, newlines, backslashes and non-ASCII, bytea, arrays, json, numeric specials,
     * identity and generated columns, a partitioned table, inheritance, an unlogged table, a table
     * without columns, row-level security, foreign keys, sequences (one not called), populated and
     * unpopulated materialized views, and large objects (PostgreSQL 13+).
     */
    public static String dataKinds() {
        return resource("data-kinds.sql");
    }

    /**
     * Schema {@code app} with objects counted by hand, for tests of the counts dbsnap reports:
     * 2 tables, 2 functions, 1 policy, 1 view, 1 trigger, 1 sequence, 1 enum type, 1 index; 3 rows
     * in {@code app.users} and the 3 audit rows its trigger writes.
     */
    public static String counted() {
        return resource("counted-schema.sql");
    }

    private static String resource(String name) {
        try (InputStream in = SampleSchemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the dbsnap-testkit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
