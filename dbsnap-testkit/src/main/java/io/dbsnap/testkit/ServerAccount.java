package io.dbsnap.testkit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operating-system account that runs the PostgreSQL server. PostgreSQL refuses to run as
 * root, so when the JVM is root (as on CI) the server runs as the unprivileged {@code postgres}
 * account, created if the machine has none; otherwise it runs as the JVM's own user.
 */
final class ServerAccount {

    static final String UNPRIVILEGED_USER = "postgres";

    /** Empty when the server runs as the JVM's own user. */
    private final Optional<String> runAs;

    private ServerAccount(Optional<String> runAs) {
        this.runAs = runAs;
    }

    static ServerAccount forThisProcess() {
        if (!isRoot()) {
            return new ServerAccount(Optional.empty());
        }
        ensureUserExists(UNPRIVILEGED_USER);
        return new ServerAccount(Optional.of(UNPRIVILEGED_USER));
    }

    /** The command line that runs {@code command} as this account. */
    List<String> command(List<String> command) {
        if (runAs.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", runAs.get(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code path} and everything below it to this account. */
    void takeOwnership(Path path) throws IOException {
        if (runAs.isEmpty()) {
            return;
        }
        UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(runAs.get());
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Files.setOwner(p, owner);
            }
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void ensureUserExists(String user) {
        try {
            if (run(List.of("id", "-u", user)) == 0) {
                return;
            }
            int created = run(List.of("useradd", "--system", "--no-create-home",
                    "--shell", "/usr/sbin/nologin", user));
            if (created != 0) {
                throw new PostgresUnavailableException("The JVM runs as root, PostgreSQL refuses to run as root,"
                        + " and the unprivileged user '" + user + "' could not be created (useradd exited with "
                        + created + "). Create it, or run the tests as an ordinary user.");
            }
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not check or create the unprivileged user '" + user
                    + "' that runs PostgreSQL when the JVM is root: " + e.getMessage(), e);
        }
    }

    private static int run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }
}
