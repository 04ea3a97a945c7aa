package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.sql.SQLException;

/**
 * A data set for the data benchmarks: four tables of mixed types (numbers, text, timestamps,
 * json, arrays, uuid, bytea), filled by the server so that their COPY text totals about the
 * requested size. No indexes or keys: the benchmark measures moving rows, not building indexes.
 */
record GeneratedData(int megabytes) {

    /** COPY text bytes per row of each table, measured on PostgreSQL 15 (the report gives the real total). */
    private static final int EVENT_ROW = 98;
    private static final int CUSTOMER_ROW = 94;
    private static final int READING_ROW = 79;
    private static final int DOCUMENT_ROW = 1272;

    static final String SCHEMA = """
            CREATE TABLE events (id bigint, at timestamptz, kind text, payload jsonb, score double precision);
            CREATE TABLE customers (id int, name text, email text, balance numeric(12, 2), active boolean,
                                    born date, uid uuid);
            CREATE TABLE readings (id bigint, sensor int, samples real[], note text);
            CREATE TABLE documents (id int, title text, body text, attachment bytea);
            """;

    void create(TestDatabase db) throws SQLException {
        long quarter = megabytes * 1024L * 1024L / 4;
        db.execute(SCHEMA);
        db.execute("INSERT INTO events SELECT i, timestamptz '2024-01-01' + i * interval '1 second', 'kind_' || (i % 17),"
                + " jsonb_build_object('user', i % 1000, 'tags', jsonb_build_array('a', i % 7), 'ok', i % 2 = 0),"
                + " i / 7.0 FROM generate_series(1, " + quarter / EVENT_ROW + ") i");
        db.execute("INSERT INTO customers SELECT i, 'Customer ' || i || E' \\tO''Brien', 'user' || i || '@example.com',"
                + " (i % 100000) / 100.0, i % 3 = 0, date '1950-01-01' + i % 20000, md5(i::text)::uuid"
                + " FROM generate_series(1, " + quarter / CUSTOMER_ROW + ") i");
        db.execute("INSERT INTO readings SELECT i, i % 500, ARRAY[i % 10, i % 11, i % 13, i / 3.0, 0.5, -1, 1e10]::real[],"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'line one\nline two' END FROM generate_series(1, " + quarter / READING_ROW + ") i");
        db.execute("INSERT INTO documents SELECT i, 'Document ' || i, repeat(md5(i::text) || ' ', 30),"
                + " decode(repeat(md5((i * 7)::text), 8), 'hex') FROM generate_series(1, " + quarter / DOCUMENT_ROW + ") i");
        db.execute("VACUUM ANALYZE");
    }
}
