package io.dbsnap.connection;

import java.sql.Connection;
import java.sql.SQLException;

/** How a database is named in logs and reports: {@code user@host:port/db}, never with a password. */
public final class DatabaseAddress {

    private DatabaseAddress() {
    }

    /** The database {@code connection} is connected to, as {@code user@host:port/db}. */
    public static String describe(Connection connection) {
        try {
            String user = connection.getMetaData().getUserName();
            // pgjdbc's URL is the one it was given: keep only host, port and database, since the
            // query part (and, in some URLs, a user-info part) may hold a password.
            String url = connection.getMetaData().getURL();
            String address = url.replaceFirst("^jdbc:postgresql:(//)?", "");
            int query = address.indexOf('?');
            if (query >= 0) {
                address = address.substring(0, query);
            }
            int at = address.lastIndexOf('@');
            if (at >= 0) {
                address = address.substring(at + 1);
            }
            return user + "@" + address;
        } catch (SQLException e) {
            return "(unknown database)";
        }
    }
}
