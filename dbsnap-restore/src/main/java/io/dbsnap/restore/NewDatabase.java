package io.dbsnap.restore;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.errors.DbSnapException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the database a snapshot is cloned into, and drops it again when the clone fails. */
final class NewDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(NewDatabase.class);

    private NewDatabase() {
    }

    /**
     * Creates {@code name} from {@code template0}, a database with nothing but what the server
     * itself needs, as {@code pg_dump --create} scripts do.
     */
    static void create(Connection server, String name) {
        if (name == null || name.isBlank() || name.length() > 63) {
            throw new DbSnapException("'" + name + "' cannot name a new database: give 1 to 63 characters.");
        }
        try {
            try (PreparedStatement s = server.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new DbSnapException("A database named " + name + " exists already; it was left as it is."
                                + " Choose a new name, or restore into it as an existing database.");
                    }
                }
            }
            try (Statement s = server.createStatement()) {
                s.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new DbSnapException("Could not create database " + name + ": " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + "). The role needs the CREATEDB privilege.", e);
        }
    }

    static void drop(Connection server, String name) {
        try (Statement s = server.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quote(name));
        } catch (SQLException e) {
            LOG.error("Could not drop database {} after the restore into it failed: {}. Drop it by hand.", name,
                    e.getMessage());
        }
    }
}
