package io.dbsnap.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A login role that is not a superuser, for tests of what such a role may and may not do. Roles
 * belong to the whole cluster, which test classes share: each gets a name of its own (the hint
 * and random digits) and a random password, and {@link #close()} drops it. Close it after the
 * databases where it owns objects or holds privileges (declare it first in a try-with-resources),
 * as a role cannot be dropped while a database still refers to it.
 */
public final class TestRole implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final String password;

    private TestRole(PostgresServer server, String name, String password) {
        this.server = server;
        this.name = name;
        this.password = password;
    }

    /** Creates {@code LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE} role named after {@code nameHint}. */
    public static TestRole create(PostgresServer server, String nameHint) {
        String name = nameHint.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = UUID.randomUUID().toString();
        try (Connection c = server.connectToMaintenanceDatabase(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + PostgresServer.quoteIdentifier(name)
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Could not create role " + name + " on " + server + ": "
                    + e.getMessage(), e);
        }
        return new TestRole(server, name, password);
    }

    /** The role's name, as written in SQL without quotes (lower case letters, digits, underscores). */
    public String name() {
        return name;
    }

    /** A {@link DataSource} that logs in as this role to {@code db}. */
    public DataSource dataSource(TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl());
        ds.setUser(name);
        ds.setPassword(password);
        return ds;
    }

    /** Runs SQL (one or more statements separated by semicolons) as this role in {@code db}. */
    public void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops the role; it must no longer own objects or hold privileges in a database that still exists. */
    @Override
    public void close() {
        try (Connection c = server.connectToMaintenanceDatabase(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + PostgresServer.quoteIdentifier(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop role " + name + " on " + server + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " on " + server;
    }
}
