package io.dbsnap.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A running PostgreSQL server that tests may create databases in: one this JVM started (stopped
 * and removed when the JVM exits) or one given by URL (left running).
 *
 * <pre>{@code
 * try (TestDatabase db = PostgresServer.shared().createDatabase("my_test")) {
 *     db.execute("CREATE TABLE t (id int)");
 * }
 * }</pre>
 */
public final class PostgresServer {

    /** A URL (JDBC or {@code postgresql://}) of a server to use instead of starting one. */
    public static final String URL_VARIABLE = "DBSNAP_TEST_URL";
    /** A major version (e.g. {@code 17}) to start from Maven Central instead of local binaries. */
    public static final String VERSION_VARIABLE = "DBSNAP_TEST_PG_VERSION";
    /** The version the demo starts from Maven Central when the machine has no PostgreSQL. */
    public static final String DEFAULT_EMBEDDED_VERSION = "17";

    private static final Map<String, PostgresServer> STARTED = new HashMap<>();
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private final ServerAddress address;
    private final String description;
    /** The cluster when this JVM started the server; empty for one given by URL. */
    private final Optional<LocalCluster> cluster;

    PostgresServer(ServerAddress address, String description) {
        this(address, description, null);
    }

    PostgresServer(ServerAddress address, String description, LocalCluster cluster) {
        this.address = address;
        this.description = description;
        this.cluster = Optional.ofNullable(cluster);
    }

    /**
     * This JVM's server for tests: {@code DBSNAP_TEST_URL} if set, else the version in
     * {@code DBSNAP_TEST_PG_VERSION} from Maven Central if set, else local PostgreSQL binaries.
     *
     * @throws PostgresUnavailableException when none of these is available
     */
    public static PostgresServer shared() {
        return started("shared", () -> ServerProvisioner.standard().provide(false));
    }

    /**
     * Like {@link #shared()}, but on a machine with neither a URL nor local binaries it starts
     * PostgreSQL {@value #DEFAULT_EMBEDDED_VERSION} from Maven Central. For demos.
     */
    public static PostgresServer sharedOrEmbedded() {
        return started("shared", () -> ServerProvisioner.standard().provide(true));
    }

    /**
     * This JVM's server of a chosen major version (12, 13, 14, 16, 17, 18) or artifact version
     * (17.6.0), started from the binaries published on Maven Central.
     */
    public static PostgresServer embedded(String version) {
        String release = EmbeddedBinaries.release(version);
        return started("embedded-" + release, () -> ServerProvisioner.startLocal(
                EmbeddedBinaries.install(release), "PostgreSQL " + release + " from Maven Central"));
    }

    /**
     * A server of major version {@code major} ("13"): the shared one when it has that version
     * (no second cluster started for it), else {@link #embedded}. For tests that run on several
     * versions.
     */
    public static PostgresServer ofMajorVersion(String major) {
        return shared().majorVersion() == Integer.parseInt(major) ? shared() : embedded(major);
    }

    /**
     * A server of the caller's own, from the local binaries, started now and stopped when the JVM
     * exits: for a test that restarts or stops its server, which must not pull the shared one away
     * from other tests.
     *
     * @throws PostgresUnavailableException when the machine has no local PostgreSQL binaries
     */
    public static PostgresServer startDedicated() {
        return ServerProvisioner.standard().startDedicated();
    }

    /**
     * {@code pg_ctl restart -m mode} ({@code fast} or {@code immediate}) of a server this JVM
     * started; returns once it accepts connections again.
     *
     * @throws UnsupportedOperationException for a server given by URL, which is not ours to restart
     */
    public void restart(String mode) {
        cluster.orElseThrow(() -> new UnsupportedOperationException("Only a server this JVM started can be"
                + " restarted, not " + this)).restart(mode);
    }

    /** One server per kind and JVM; a provisioner may itself ask for an embedded one, hence no computeIfAbsent. */
    private static synchronized PostgresServer started(String key, Supplier<PostgresServer> start) {
        PostgresServer server = STARTED.get(key);
        if (server == null) {
            server = start.get();
            STARTED.put(key, server);
        }
        return server;
    }

    /** Creates a fresh, empty database; closing it drops the database. */
    public TestDatabase createDatabase(String nameHint) {
        String name = databaseName(nameHint);
        try (Connection c = connect(address.database()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Could not create database " + name + " on " + this + ": "
                    + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    /** Opens a connection to the database this server was reached through (postgres, or the URL's). */
    Connection connectToMaintenanceDatabase() throws SQLException {
        return connect(address.database());
    }

    /**
     * Creates a copy of {@code template} (which must have no open sessions): a fresh database in a
     * known state, faster than loading it again.
     */
    public TestDatabase createDatabaseFrom(String nameHint, TestDatabase template) {
        String name = databaseName(nameHint);
        try (Connection c = connect(address.database()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE " + quoteIdentifier(template.name()));
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Could not create database " + name + " from " + template.name()
                    + " on " + this + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    /** Opens a connection to {@code database} as this server's user. */
    public Connection connect(String database) throws SQLException {
        return address.withDatabase(database).connect();
    }

    /** The JDBC URL of {@code database}, without credentials. */
    public String jdbcUrl(String database) {
        return address.withDatabase(database).jdbcUrl();
    }

    /**
     * The directory of the server's unix-domain socket, for a server this JVM started (whose
     * socket connections are trusted: no password); empty for one given by URL.
     */
    public Optional<Path> socketDirectory() {
        return cluster.map(LocalCluster::socketDirectory);
    }

    public String host() {
        return address.host();
    }

    public int port() {
        return address.port();
    }

    public String user() {
        return address.user();
    }

    public String password() {
        return address.password();
    }

    /** The server's major version, e.g. 15 or 17. */
    public int majorVersion() {
        try (Connection c = connect(address.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Could not ask " + this + " for its version: " + e.getMessage(), e);
        }
    }

    void dropDatabase(String name) {
        try (Connection c = connect(address.database()); Statement s = c.createStatement()) {
            // DROP DATABASE ... WITH (FORCE) only exists from PostgreSQL 13 on.
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + name.replace("'", "''") + "' AND pid <> pg_backend_pid()");
            s.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name));
        } catch (SQLException e) {
            throw new PostgresUnavailableException("Could not drop database " + name + " on " + this + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description + " at " + address;
    }

    private static String databaseName(String hint) {
        String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return "t_" + cleaned + "_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
