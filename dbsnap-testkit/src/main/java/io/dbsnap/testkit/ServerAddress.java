package io.dbsnap.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where a server is and who to log in as. {@link #toString()} never shows the password.
 *
 * @param parameters further JDBC connection parameters, such as {@code sslmode}
 */
record ServerAddress(String host, int port, String database, String user, String password,
                     Map<String, String> parameters) {

    ServerAddress {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses {@code jdbc:postgresql://host:port/db?user=..&password=..} or the libpq form
     * {@code postgresql://user:password@host:port/db?sslmode=require}.
     */
    static ServerAddress parse(String url) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return parseJdbc(trimmed);
        }
        if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            return parseLibpq(trimmed);
        }
        throw new IllegalArgumentException("Not a PostgreSQL URL (expected jdbc:postgresql://... or postgresql://...): "
                + redact(trimmed));
    }

    private static ServerAddress parseJdbc(String url) {
        Properties props = org.postgresql.Driver.parseURL(url, new Properties());
        if (props == null) {
            throw new IllegalArgumentException("Malformed JDBC URL: " + redact(url));
        }
        String host = props.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
        String database = props.getProperty("PGDBNAME", "postgres");
        String user = props.getProperty("user", System.getProperty("user.name"));
        String password = props.getProperty("password", "");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("PG") && !key.equals("user") && !key.equals("password")) {
                parameters.put(key, props.getProperty(key));
            }
        }
        return new ServerAddress(host, port, database, user, password, parameters);
    }

    private static ServerAddress parseLibpq(String url) {
        URI uri = URI.create(url);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        String user = parameters.remove("user");
        String password = parameters.remove("password");
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            user = decode(userInfo[0]);
            if (userInfo.length > 1) {
                password = decode(userInfo[1]);
            }
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : decode(path);
        return new ServerAddress(host, port, database,
                user == null ? System.getProperty("user.name") : user,
                password == null ? "" : password, parameters);
    }

    ServerAddress withDatabase(String otherDatabase) {
        return new ServerAddress(host, port, otherDatabase, user, password, parameters);
    }

    /** The JDBC URL without credentials. */
    String jdbcUrl() {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        if (parameters.isEmpty()) {
            return url;
        }
        return url + "?" + parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Drops anything that may be a password before a URL goes into a message. */
    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
