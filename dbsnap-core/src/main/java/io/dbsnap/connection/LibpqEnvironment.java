package io.dbsnap.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment libpq reads, and dbsnap with it, so that a password need not be written on a
 * command line where {@code ps} shows it: {@code PGPASSWORD}, the password file
 * ({@code $PGPASSFILE}, else {@code ~/.pgpass}), and {@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGDATABASE}. Taken as a map, so that tests give their own; only
 * {@link #system()} reads the process's.
 *
 * <p>Where the password comes from, first found wins, as in libpq: the URL itself, then
 * {@code PGPASSWORD}, then the password file's first matching line.
 *
 * @param variables environment variables
 * @param home      the home directory, where {@code .pgpass} is looked for
 */
public record LibpqEnvironment(Map<String, String> variables, Optional<Path> home) {

    /** The variables that name a server when no URL is given. */
    public static final List<String> ADDRESS_VARIABLES = List.of("PGHOST", "PGPORT", "PGUSER", "PGDATABASE");

    /** The socket directories libpq is built with: Debian's and PostgreSQL's own default. */
    private static final List<String> DEFAULT_SOCKET_DIRECTORIES = List.of("/var/run/postgresql", "/tmp");

    public LibpqEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(home, "home");
    }

    /** The process's environment, and its user's home directory. */
    public static LibpqEnvironment system() {
        return of(System.getenv());
    }

    /** These variables; the home directory is {@code $HOME}, else the JVM's {@code user.home}. */
    public static LibpqEnvironment of(Map<String, String> variables) {
        String home = variables.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new LibpqEnvironment(variables, Optional.ofNullable(home).filter(h -> !h.isBlank()).map(Path::of));
    }

    /** No variables and no home: nothing but what a URL says. */
    public static LibpqEnvironment none() {
        return new LibpqEnvironment(Map.of(), Optional.empty());
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isEmpty());
    }

    /** {@code $PGPASSFILE}, else {@code .pgpass} in the home directory. */
    public Optional<Path> passwordFile() {
        return variable("PGPASSFILE").map(Path::of).or(() -> home.map(h -> h.resolve(".pgpass")));
    }

    /**
     * The database {@code PGHOST}, {@code PGPORT}, {@code PGUSER} and {@code PGDATABASE} name, as
     * a URL without a password, when any of them is set; what is unset is libpq's default
     * ({@code localhost}, 5432, the system user, a database named after the user).
     */
    public Optional<String> url() {
        if (ADDRESS_VARIABLES.stream().allMatch(name -> variable(name).isEmpty())) {
            return Optional.empty();
        }
        String user = variable("PGUSER").or(() -> variable("USER")).orElse(System.getProperty("user.name"));
        String host = variable("PGHOST").orElse("localhost");
        String port = variable("PGPORT").orElse("5432");
        String database = variable("PGDATABASE").orElse(user);
        // a host that is a socket directory is written encoded, as libpq reads it: postgresql://%2Fvar%2Frun%2Fpostgresql
        String authority = host.startsWith("/") ? encode(host) : host.contains(":") ? "[" + host + "]" : host;
        return Optional.of("postgresql://" + encode(user) + "@" + authority + ":"
                + port + "/" + encode(database));
    }

    /**
     * {@code url} with what it leaves out taken from here: the user from {@code PGUSER}, the
     * password from {@code PGPASSWORD}, else from the password file (matched on the first host).
     */
    public ConnectionUrl complete(ConnectionUrl url) {
        ConnectionUrl withUser = url.user().isPresent() ? url : variable("PGUSER").map(url::withUser).orElse(url);
        if (withUser.password().isPresent()) {
            return withUser;
        }
        Optional<String> password = variable("PGPASSWORD").or(() -> fromPasswordFile(withUser));
        return password.map(withUser::withPassword).orElse(withUser);
    }

    private Optional<String> fromPasswordFile(ConnectionUrl url) {
        Optional<Path> file = passwordFile();
        if (file.isEmpty() || url.user().isEmpty() || url.hosts().isEmpty()) {
            return Optional.empty();
        }
        String first = url.hosts().get(0);
        int colon = first.lastIndexOf(':');
        String host = first.substring(0, colon).replaceAll("^\\[(.*)]$", "$1");
        int port;
        try {
            port = Integer.parseInt(first.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<String> found = PasswordFile.lookup(file.get(), host, port, url.database(), url.user().get());
        if (found.isEmpty() && DEFAULT_SOCKET_DIRECTORIES.contains(host)) {
            // libpq matches a connection through its default socket directory as host "localhost"
            return PasswordFile.lookup(file.get(), "localhost", port, url.database(), url.user().get());
        }
        return found;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Never the variables' values: {@code PGPASSWORD} is one of them. */
    @Override
    public String toString() {
        return "LibpqEnvironment" + variables.keySet().stream().filter(k -> k.startsWith("PG")).sorted().toList();
    }
}
