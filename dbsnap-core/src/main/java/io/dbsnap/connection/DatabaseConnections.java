package io.dbsnap.connection;

import io.dbsnap.errors.ConnectionFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The one place that opens connections, so that every failure to connect is worded the same way. */
public final class DatabaseConnections {

    private DatabaseConnections() {
    }

    /**
     * @param what the database as the user knows it, for the message, e.g. {@code the database}
     *             or {@code app@db:5432/shop}
     * @throws ConnectionFailedException saying what could not be reached and what to check
     */
    public static Connection open(DataSource source, String what) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw new ConnectionFailedException(what, e);
        }
    }
}
