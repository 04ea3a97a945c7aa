package io.dbsnap;

import io.dbsnap.connection.ConnectionUrl;
import io.dbsnap.connection.DatabaseConnections;
import io.dbsnap.connection.LibpqEnvironment;
import io.dbsnap.errors.DbSnapException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Opens connections for the fluent API, with messages that name the database and never a password. */
final class Connections {

    private Connections() {
    }

    /** A data source for a JDBC or libpq URL, completed from the process's environment; nothing is connected yet. */
    static DataSource dataSource(String url) {
        return dataSource(url, LibpqEnvironment.system());
    }

    /** A data source for a JDBC or libpq URL, what it leaves out taken from {@code environment}. */
    static DataSource dataSource(String url, LibpqEnvironment environment) {
        return dataSource(environment.complete(ConnectionUrl.parse(url)));
    }

    /** A data source for the URL with exactly its credentials. */
    static DataSource dataSource(ConnectionUrl parsed) {
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
        return DatabaseConnections.open(source, "the database");
    }

    /** Work on one connection, which may throw what the database said. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a new connection of {@code source} and closes it, also when the work
     * fails; {@code failing} says what could not be done, for an {@link SQLException} of the work.
     */
    static <T> T with(DataSource source, String failing, Work<T> work) {
        Connection connection = open(source);
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException e) {
            close(connection, e);
            throw new DbSnapException(failing + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ").", e);
        } catch (RuntimeException | Error e) {
            close(connection, e);
            throw e;
        }
        close(connection, null);
        return result;
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
