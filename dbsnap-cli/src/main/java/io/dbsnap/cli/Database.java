package io.dbsnap.cli;

import io.dbsnap.Snapshots;
import io.dbsnap.connection.ConnectionUrl;
import io.dbsnap.connection.DatabaseConnections;
import io.dbsnap.errors.DbSnapException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a command works on, from {@code --url} or the environment. It is shown as
 * {@code user@host:port/db}, never with its password.
 */
final class Database {

    private final ConnectionUrl url;
    private final DataSource dataSource;

    private Database(ConnectionUrl url, DataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
    }

    /**
     * @throws UsageException when the text is not a PostgreSQL URL, naming where it came from
     */
    static Database of(Environment.Source source) {
        ConnectionUrl url;
        try {
            url = ConnectionUrl.parse(source.url());
        } catch (IllegalArgumentException e) {
            throw new UsageException("The database URL from " + source.from() + " is not usable: " + e.getMessage());
        }
        if (source.password().isPresent()) {
            if (url.password().isPresent()) {
                throw new UsageException("A password is given twice, in the URL from " + source.from() + " and by "
                        + "--password-file: give it one way (the file keeps it out of the process list).");
            }
            url = url.withPassword(source.password().get());
        }
        // what the URL leaves out: PGUSER, PGPASSWORD, ~/.pgpass, as libpq completes it
        url = source.libpq().complete(url);
        return new Database(url, Snapshots.dataSource(url));
    }

    /** Whether {@code text} reads as a database URL rather than a snapshot's name or path. */
    static boolean looksLikeUrl(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://") || text.startsWith("jdbc:postgresql:");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** {@code user@host:port/db}. */
    String describe() {
        return url.describe();
    }

    /**
     * @throws DbSnapException saying which database could not be reached and what to check
     */
    Connection connect() {
        return connect(dataSource, describe());
    }

    /** The same server and credentials, another database: where {@code restore --create-db} restores to. */
    Database onDatabase(String name) {
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setURL(url.jdbcUrl());
        other.setDatabaseName(name);
        url.user().ifPresent(other::setUser);
        url.password().ifPresent(other::setPassword);
        other.setApplicationName("dbsnap");
        ConnectionUrl otherUrl = new ConnectionUrl(other.getURL(), url.hosts(), name, url.user(), url.password());
        return new Database(otherUrl, other);
    }

    static Connection connect(DataSource source, String description) {
        return DatabaseConnections.open(source, description);
    }
}
