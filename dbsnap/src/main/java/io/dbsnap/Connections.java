package io.dbsnap;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Opens connections for the fluent API, with messages that name the database and never a password. */
final class Connections {

    private Connections() {
    }

    /** A data source for a JDBC or libpq URL; nothing is connected yet. */
    static DataSource dataSource(String url) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(parsed.jdbcUrl());
        parsed.user().ifPresent(source::setUser);
        parsed.password().ifPresent(source::setPassword);
        if (!parsed.jdbcUrl().contains("ApplicationName=")) {
            // what a DBA sees in pg_stat_activity, unless the URL names itself
            source.setApplicationName("dbsnap");
        }
        return source;
    }

    static Connection open(DataSource source) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            // pgjdbc's messages name the user and host, never the password
            throw new DbSnapException("Could not connect to the database: " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "). Check the URL, the user and the password; nothing was changed.", e);
        }
    }

    static void close(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
