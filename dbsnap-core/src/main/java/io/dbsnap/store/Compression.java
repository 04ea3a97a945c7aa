package io.dbsnap.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Whether a snapshot's SQL file is stored as written ({@code .sql}) or gzip-compressed ({@code .sql.gz}). */
public enum Compression {
    NONE(".sql"),
    GZIP(".sql.gz");

    private final String sqlSuffix;

    Compression(String sqlSuffix) {
        this.sqlSuffix = sqlSuffix;
    }

    /** What the SQL file's name ends with: {@code .sql} or {@code .sql.gz}. */
    public String sqlSuffix() {
        return sqlSuffix;
    }

    /**
     * The SQL in {@code in}, decompressed when it is gzip — recognised by its magic bytes
     * {@code 1f 8b}, whatever the file is called. Closing the result closes {@code in}.
     */
    public static InputStream decompressing(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b
                : new BufferedInputStream(in, SqlFileOutput.BUFFER_SIZE);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, SqlFileOutput.BUFFER_SIZE) : buffered;
    }
}
