package io.dbsnap.connection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** How a database is named in logs and reports: {@code user@host:port/db}, never with a password. */
public final class DatabaseAddress {

    private DatabaseAddress() {
    }

    /** The directory of the socket file our {@link UnixSocketFactory} was given, if it was. */
    private static Optional<String> socketDirectory(String query) {
        if (!query.contains("socketFactory=" + UnixSocketFactory.class.getName())) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("socketFactoryArg=")) {
                Path parent = Path.of(URLDecoder.decode(pair.substring("socketFactoryArg=".length()),
                        StandardCharsets.UTF_8)).getParent();
                return Optional.ofNullable(parent).map(Path::toString);
            }
        }
        return Optional.empty();
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
            Optional<String> socketDirectory = Optional.empty();
            if (query >= 0) {
                socketDirectory = socketDirectory(address.substring(query + 1));
                address = address.substring(0, query);
            }
            int at = address.lastIndexOf('@');
            if (at >= 0) {
                address = address.substring(at + 1);
            }
            if (socketDirectory.isPresent()) {
                // a unix-socket connection: pgjdbc's host is a stand-in for the socket file (see UnixSocketFactory)
                int slash = Math.max(0, address.indexOf('/'));
                int colon = address.lastIndexOf(':', slash);
                address = socketDirectory.get() + address.substring(colon < 0 ? slash : colon);
            }
            return user + "@" + address;
        } catch (SQLException e) {
            return "(unknown database)";
        }
    }
}
