package io.dbsnap.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real NATS server for tests: the {@code nats-server} program (Debian package {@code nats-server},
 * which {@code .ci/run} installs when missing), started on 127.0.0.1 and a free port, stopped by
 * {@link #close()}. Where the program is missing the test is skipped through {@link Skip}, which
 * fails it on CI.
 */
public final class NatsServer implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"),
            Path.of("/usr/local/bin/nats-server"));
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private NatsServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a server; skips the test (fails it on CI) when there is no {@code nats-server} program. */
    public static NatsServer start() {
        Optional<Path> program = program();
        Skip.unless(program.isPresent(), "the tests against a NATS server",
                "no nats-server program on PATH or in /usr/sbin (apt-get install -y nats-server)");
        int port = LocalCluster.freePort();
        try {
            Path log = Files.createTempFile("nats-server", ".log");
            Process process = new ProcessBuilder(program.get().toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NatsServer server = new NatsServer(process, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start nats-server: " + e, e);
        }
    }

    /** {@code nats://127.0.0.1:PORT}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A URL where no server listens: a port that was free a moment ago. */
    public static String unreachableUrl() {
        return "nats://127.0.0.1:" + LocalCluster.freePort();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited at start (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("nats-server did not listen on port " + port + " within " + STARTUP.toSeconds()
                + " s: " + Files.readString(log));
    }

    private static Optional<Path> program() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "nats-server"));
                }
            }
        }
        candidates.addAll(PLACES);
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
