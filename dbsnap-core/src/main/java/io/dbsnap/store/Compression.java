package io.dbsnap.store;

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
}
