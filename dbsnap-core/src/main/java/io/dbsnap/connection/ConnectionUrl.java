package io.dbsnap.connection;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database address as users are handed them: a JDBC URL ({@code jdbc:postgresql://host:5432/db?user=...})
 * or a libpq URL ({@code postgresql://user:password@host:5432/db?sslmode=require}, also
 * {@code postgres://}), as Supabase and most hosts give them out.
 *
 * <p>The credentials are kept apart from the address: {@link #jdbcUrl()} carries neither user nor
 * password, and {@link #toString()} and {@link #describe()} never show the password, so the URL
 * can be logged and recorded in a snapshot's metadata.
 *
 * @param jdbcUrl  the JDBC URL without user and password, with the other parameters
 * @param hosts    {@code host:port} of each server named, in order
 * @param database the database name
 * @param user     the user, when the URL names one
 * @param password the password, when the URL holds one
 */
public record ConnectionUrl(String jdbcUrl, List<String> hosts, String database, Optional<String> user,
                            Optional<String> password) {

    private static final Pattern LIBPQ = Pattern.compile("(?:postgresql|postgres)://(?:([^/?]*)@)?([^@/?]*)(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");
    private static final int DEFAULT_PORT = 5432;
    /** libpq's parameter names that pgjdbc spells differently; the rest (sslmode, ...) are the same. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    public ConnectionUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * @throws IllegalArgumentException when the text is neither form; the message shows both forms
     *                                  and never the password
     */
    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("no URL was given");
        }
        String text = url.strip();
        Matcher libpq = LIBPQ.matcher(text);
        if (libpq.matches()) {
            return fromLibpq(libpq);
        }
        Matcher jdbc = JDBC.matcher(text);
        if (jdbc.matches()) {
            return fromJdbc(jdbc);
        }
        throw invalid("it starts with neither jdbc:postgresql:// nor postgresql://");
    }

    private static ConnectionUrl fromLibpq(Matcher m) {
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (m.group(1) != null) {
            String credentials = m.group(1);
            int colon = credentials.indexOf(':');
            user = nonEmpty(decode(colon < 0 ? credentials : credentials.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(credentials.substring(colon + 1)));
        }
        Map<String, String> parameters = parameters(m.group(4));
        // parameters may name them too; the ones in front win, as in libpq
        Optional<String> userParameter = Optional.ofNullable(parameters.remove("user"));
        Optional<String> passwordParameter = Optional.ofNullable(parameters.remove("password"));
        Optional<String> databaseParameter = Optional.ofNullable(parameters.remove("dbname"));
        user = user.or(() -> userParameter);
        password = password.or(() -> passwordParameter);
        // host and port as parameters replace the URL's, as in libpq: postgresql:///db?host=/var/run/postgresql
        String hostParameter = parameters.remove("host");
        String portParameter = parameters.remove("port");
        List<String> hosts = hosts(hostParameter != null ? hostParameter : m.group(2), Optional.ofNullable(portParameter));
        String database = database(m.group(3), databaseParameter, user);
        Map<String, String> jdbcParameters = new LinkedHashMap<>();
        parameters.forEach((name, value) -> jdbcParameters.put(LIBPQ_TO_JDBC.getOrDefault(name, name), value));
        if ("system".equals(jdbcParameters.get("sslrootcert"))) {
            // libpq 16+: trust the system's certificate authorities, and verify the host name unless told otherwise;
            // pgjdbc's DefaultJavaSSLFactory trusts the JVM's, and pgjdbc would read "system" as a file name
            jdbcParameters.remove("sslrootcert");
            jdbcParameters.put("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
            jdbcParameters.putIfAbsent("sslmode", "verify-full");
        }
        return new ConnectionUrl(jdbcUrl(hosts, database, jdbcParameters), hosts, database, user, password);
    }

    private static ConnectionUrl fromJdbc(Matcher m) {
        Map<String, String> parameters = parameters(m.group(3));
        Optional<String> user = Optional.ofNullable(parameters.remove("user"));
        Optional<String> password = Optional.ofNullable(parameters.remove("password"));
        List<String> hosts = hosts(m.group(1), Optional.empty());
        String database = database(m.group(2), Optional.empty(), user);
        return new ConnectionUrl(jdbcUrl(hosts, database, parameters), hosts, database, user, password);
    }

    /** The same address for {@code user}. */
    public ConnectionUrl withUser(String user) {
        return new ConnectionUrl(jdbcUrl, hosts, database, Optional.of(user), password);
    }

    /** The same address with {@code password}. */
    public ConnectionUrl withPassword(String password) {
        return new ConnectionUrl(jdbcUrl, hosts, database, user, Optional.of(password));
    }

    /** {@code user@host:port/db}, for people and for a snapshot's metadata: never the password. */
    public String describe() {
        return user.map(u -> u + "@").orElse("") + String.join(",", hosts) + "/" + database;
    }

    /** The same as {@link #describe()}: a URL logged by mistake shows no password. */
    @Override
    public String toString() {
        return describe();
    }

    /** The path's database, else the parameter's, else, as libpq does, the user's name. */
    private static String database(String path, Optional<String> parameter, Optional<String> user) {
        return nonEmpty(decode(Objects.requireNonNullElse(path, ""))).or(() -> parameter).or(() -> user)
                .orElseThrow(() -> invalid("it names neither a database nor a user"));
    }

    /**
     * {@code host:port} of each host named; a host that starts with {@code /} is, as in libpq, the
     * directory of the server's unix-domain socket.
     */
    private static List<String> hosts(String text, Optional<String> portParameter) {
        List<String> hosts = new ArrayList<>();
        for (String host : (text.isEmpty() ? "localhost" : text).split(",")) {
            String h = decode(host);
            boolean hasPort = h.startsWith("/") ? h.matches(".*:[^/]*") : h.startsWith("[") ? h.contains("]:") : h.contains(":");
            if (h.isEmpty() || h.startsWith(":")) {
                h = "localhost" + h;
            }
            String withPort = hasPort ? h : h + ":" + portParameter.orElse(String.valueOf(DEFAULT_PORT));
            port(withPort);
            hosts.add(withPort);
        }
        if (hosts.size() > 1 && hosts.stream().anyMatch(h -> h.startsWith("/"))) {
            throw invalid("a unix-socket directory must be its only host, not one of " + hosts.size());
        }
        return hosts;
    }

    /** The port of {@code host:port}, checked here so that a bad one is our one-line error, not pgjdbc's warning. */
    private static int port(String hostAndPort) {
        String text = hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1);
        int port = text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw invalid("the port \"" + text + "\" is not a number from 1 to 65535");
        }
        return port;
    }

    /** The socket directory, when the (only) host is one. */
    public Optional<String> socketDirectory() {
        return hosts.size() == 1 && hosts.get(0).startsWith("/")
                ? Optional.of(hosts.get(0).substring(0, hosts.get(0).lastIndexOf(':'))) : Optional.empty();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String jdbcUrl(List<String> hosts, String database, Map<String, String> parameters) {
        List<String> jdbcHosts = hosts;
        if (hosts.size() == 1 && hosts.get(0).startsWith("/")) {
            // pgjdbc speaks TCP only: its host stands for the socket file our factory connects to. libpq uses
            // neither SSL nor GSS encryption on a unix socket (the server refuses them there), so neither is tried.
            String directory = hosts.get(0).substring(0, hosts.get(0).lastIndexOf(':'));
            int port = port(hosts.get(0));
            jdbcHosts = List.of("localhost:" + port);
            parameters = new LinkedHashMap<>(parameters);
            parameters.put("socketFactory", UnixSocketFactory.class.getName());
            parameters.put("socketFactoryArg", UnixSocketFactory.socketFile(directory, port).toString());
            parameters.put("sslmode", "disable");
            parameters.put("gssEncMode", "disable");
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(String.join(",", jdbcHosts)).append('/')
                .append(encode(database));
        String separator = "?";
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the text, which may be the password
            throw invalid("a % is not followed by two hex digits; write a % in a password as %25");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Not a PostgreSQL connection URL (" + why + "). Use "
                + "postgresql://user:password@host:5432/database?sslmode=require or "
                + "jdbc:postgresql://host:5432/database?user=...&password=...");
    }
}
