package io.dbsnap.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where the server comes from: a given URL, binaries from Maven Central, or local binaries. */
final class ServerProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProvisioner.class);

    private final Function<String, String> environment;
    private final BinaryLocator locator;

    ServerProvisioner(Function<String, String> environment, BinaryLocator locator) {
        this.environment = environment;
        this.locator = locator;
    }

    static ServerProvisioner standard() {
        return new ServerProvisioner(System::getenv, BinaryLocator.standard());
    }

    /**
     * @param allowDefaultDownload when nothing is configured and no local binaries exist, start
     *                             {@link PostgresServer#DEFAULT_EMBEDDED_VERSION} from Maven Central
     */
    PostgresServer provide(boolean allowDefaultDownload) {
        String url = environment.apply(PostgresServer.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            ServerAddress address = ServerAddress.parse(url);
            LOG.info("Using the PostgreSQL server given by {}: {}", PostgresServer.URL_VARIABLE, address);
            return new PostgresServer(address, "PostgreSQL from " + PostgresServer.URL_VARIABLE);
        }
        String version = environment.apply(PostgresServer.VERSION_VARIABLE);
        if (version != null && !version.isBlank()) {
            return PostgresServer.embedded(version.trim());
        }
        Optional<PostgresBinaries> local = locator.find();
        if (local.isPresent()) {
            return startLocal(local.get(), "local PostgreSQL");
        }
        if (allowDefaultDownload) {
            LOG.info("No local PostgreSQL found; starting PostgreSQL {} from Maven Central",
                    PostgresServer.DEFAULT_EMBEDDED_VERSION);
            return PostgresServer.embedded(PostgresServer.DEFAULT_EMBEDDED_VERSION);
        }
        throw new PostgresUnavailableException("No PostgreSQL server binaries (initdb, pg_ctl, postgres) found and "
                + PostgresServer.URL_VARIABLE + " is not set: install the postgresql package or set "
                + PostgresServer.URL_VARIABLE + " (or set " + PostgresServer.VERSION_VARIABLE
                + "=17 to use binaries from Maven Central). Looked in: " + describe(locator.searchedDirectories()));
    }

    static PostgresServer startLocal(PostgresBinaries binaries, String description) {
        return startLocal(binaries, description, LocalCluster::freePort, List.of());
    }

    static PostgresServer startLocal(PostgresBinaries binaries, String description, IntSupplier ports,
                                     List<String> extraSettings) {
        LocalCluster cluster = LocalCluster.start(binaries, ports, extraSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "dbsnap-testkit-stop-postgres"));
        ServerAddress address = new ServerAddress("127.0.0.1", cluster.port(), "postgres", LocalCluster.SUPERUSER,
                cluster.password(), Map.of());
        return new PostgresServer(address, description + " (" + binaries.binDir() + ")", cluster);
    }

    /** A cluster from local binaries for one caller alone, not shared with other tests. */
    PostgresServer startDedicated() {
        PostgresBinaries local = locator.find().orElseThrow(() -> new PostgresUnavailableException(
                "A server of its own (one a test may restart) needs local PostgreSQL binaries (initdb, pg_ctl,"
                        + " postgres); none found in " + describe(locator.searchedDirectories())));
        return startLocal(local, "dedicated local PostgreSQL");
    }

    private static String describe(List<Path> dirs) {
        return dirs.isEmpty() ? "(nowhere)" : dirs.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
