package io.dbsnap.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster of our own: {@code initdb} into a temporary directory, started on
 * 127.0.0.1 and a free port with settings for speed over durability, stopped and removed by
 * {@link #stop()}.
 */
final class LocalCluster {

    static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    private static final int START_ATTEMPTS = 5;
    private static final int LOG_TAIL_LINES = 25;
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final PostgresBinaries binaries;
    private final ServerAccount account;
    private final Path base;
    private final String password;
    private int port;

    private LocalCluster(PostgresBinaries binaries, ServerAccount account, Path base, String password) {
        this.binaries = binaries;
        this.account = account;
        this.base = base;
        this.password = password;
    }

    /** Creates and starts a cluster; {@code extraSettings} are appended to postgresql.conf. */
    static LocalCluster start(PostgresBinaries binaries, IntSupplier ports, List<String> extraSettings) {
        ServerAccount account = ServerAccount.forThisProcess();
        LocalCluster cluster;
        try {
            Path base = Files.createTempDirectory("dbsnap-pg-");
            // The server account must be able to enter the directory when the JVM is root.
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            cluster = new LocalCluster(binaries, account, base, randomPassword());
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not create a directory for the PostgreSQL cluster: " + e, e);
        }
        try {
            cluster.initdb();
            cluster.configure(extraSettings);
            cluster.startOnFreePort(ports);
            return cluster;
        } catch (IOException e) {
            cluster.deleteFiles();
            throw new PostgresUnavailableException("Could not start PostgreSQL from " + binaries.binDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cluster.deleteFiles();
            throw e;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    Path dataDirectory() {
        return base.resolve("data");
    }

    /**
     * Restarts the server with {@code pg_ctl restart -m mode} ({@code fast}: sessions are ended and
     * their transactions rolled back; {@code immediate}: the server stops without a shutdown
     * checkpoint and recovers from its WAL on start). The port is kept: pg_ctl reuses the
     * options the server was started with.
     */
    void restart(String mode) {
        Path log = base.resolve("server.log");
        try {
            Command.Result result = Command.run(account.command(List.of(binaries.pgCtl().toString(),
                    "-D", dataDirectory().toString(), "-l", log.toString(), "-m", mode, "-w", "-t",
                    String.valueOf(START_TIMEOUT.toSeconds()), "restart")), base, START_TIMEOUT.plusSeconds(30));
            if (!result.succeeded()) {
                String logText = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                throw new PostgresUnavailableException("pg_ctl restart -m " + mode + " failed (exit "
                        + result.exitCode() + "):\n" + tail(result.output() + "\n" + logText));
            }
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not restart PostgreSQL in " + base + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server at once (its data is thrown away anyway) and removes its files. */
    void stop() {
        try {
            Command.run(account.command(List.of(binaries.pgCtl().toString(), "-D", dataDirectory().toString(),
                    "-m", "immediate", "-w", "stop")), base, START_TIMEOUT);
        } catch (IOException e) {
            LOG.warn("Could not stop PostgreSQL in {}: {}", base, e.getMessage());
        }
        deleteFiles();
    }

    private void initdb() throws IOException {
        Path passwordFile = base.resolve("pwfile");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        account.takeOwnership(base);
        Command.Result result = Command.run(account.command(List.of(binaries.initdb().toString(),
                "--pgdata=" + dataDirectory(), "--username=" + SUPERUSER, "--pwfile=" + passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--locale=C",
                "--no-sync")), base, INITDB_TIMEOUT);
        Files.delete(passwordFile);
        if (!result.succeeded()) {
            throw new PostgresUnavailableException("initdb failed (exit " + result.exitCode() + ") in "
                    + dataDirectory() + ":\n" + tail(result.output()));
        }
    }

    /** Where the server's unix-domain socket is ({@code .s.PGSQL.<port>}); local connections are trusted. */
    Path socketDirectory() {
        return base.resolve("sockets");
    }

    private void configure(List<String> extraSettings) throws IOException {
        Path sockets = socketDirectory();
        Files.createDirectories(sockets);
        account.takeOwnership(sockets);
        List<String> settings = new ArrayList<>(List.of(
                "",
                "# dbsnap-testkit: a throwaway server, speed over durability",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + sockets + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "max_connections = 100",
                // Dumps lock every table they read; large catalogs need more lock slots.
                "max_locks_per_transaction = 512",
                "log_min_messages = warning",
                "timezone = 'UTC'"));
        settings.addAll(extraSettings);
        Files.write(dataDirectory().resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private void startOnFreePort(IntSupplier ports) throws IOException {
        Path log = base.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            int candidate = ports.getAsInt();
            Files.deleteIfExists(log);
            Command.Result result = Command.run(account.command(List.of(binaries.pgCtl().toString(),
                    "-D", dataDirectory().toString(), "-l", log.toString(), "-w", "-t",
                    String.valueOf(START_TIMEOUT.toSeconds()), "-o", "-p " + candidate, "start")),
                    base, START_TIMEOUT.plusSeconds(30));
            if (result.succeeded()) {
                port = candidate;
                LOG.info("PostgreSQL from {} started on 127.0.0.1:{} (data in {})", binaries.binDir(), port, base);
                return;
            }
            String logText = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
            if (isPortTaken(logText) && attempt < START_ATTEMPTS) {
                LOG.info("Port {} was taken before PostgreSQL could bind it; retrying on another port", candidate);
                continue;
            }
            throw new PostgresUnavailableException("PostgreSQL from " + binaries.binDir()
                    + " failed to start on port " + candidate + " (attempt " + attempt + " of " + START_ATTEMPTS
                    + "). Last lines of its log:\n" + tail(logText.isEmpty() ? result.output() : logText));
        }
    }

    private static boolean isPortTaken(String log) {
        return log.contains("Address already in use") || log.contains("could not create any TCP/IP sockets")
                || log.contains("could not create lock file");
    }

    static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private void deleteFiles() {
        try (Stream<Path> tree = Files.walk(base)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", base, e.getMessage());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
