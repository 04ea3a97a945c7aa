package io.dbsnap.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of its own for one test class (or one demo run); {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public PostgresServer server() {
        return server;
    }

    /** The JDBC URL, without credentials; see {@link #user()} and {@link #password()}. */
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** A {@link DataSource} that opens a new connection to this database on each call. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(user());
        ds.setPassword(password());
        return ds;
    }

    /** Runs SQL (one or more statements separated by semicolons) in its own connection. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
