package io.dbsnap.faults;

import io.dbsnap.cli.Main;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code dbsnap} command (or another main class of the test class path) in a JVM of its own,
 * which a fault test can kill with SIGKILL. The database URL, with its password, goes in the
 * environment ({@code DBSNAP_DB_URL}), never on the command line.
 */
final class DbsnapChild {

    /** Quick start-up over peak speed: the children are short-lived. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    private final Process process;
    private final Path output;
    private final String description;

    private DbsnapChild(Process process, Path output, String description) {
        this.process = process;
        this.output = output;
        this.description = description;
    }

    /** {@code dbsnap args...} on {@code db}, snapshots in {@code dir}, with a heap of {@code heap} (e.g. 256m). */
    static DbsnapChild dbsnap(TestDatabase db, Path dir, String heap, String... args) throws IOException {
        return start(List.of("-Xmx" + heap), Main.class.getName(), environment(db, dir), List.of(args));
    }

    /**
     * {@code dbsnap args...} under {@code ulimit -f}: no file it writes may grow beyond
     * {@code maxFileKilobytes}, a write past it fails with EFBIG (the JVM ignores SIGXFSZ) — a full
     * disk for a machine where a small file system cannot be mounted.
     */
    static DbsnapChild dbsnapWithFileSizeLimit(TestDatabase db, Path dir, int maxFileKilobytes, String... args)
            throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(JVM_OPTIONS);
        java.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(args));
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + maxFileKilobytes + " && exec \"$@\"",
                "dbsnap"));
        command.addAll(java);
        return launch(command, environment(db, dir), "dbsnap (ulimit -f " + maxFileKilobytes + ") " + String.join(" ", args));
    }

    /** Any main class, with the database's JDBC URL and credentials in the environment. */
    static DbsnapChild main(Class<?> mainClass, TestDatabase db, Path dir, String... args) throws IOException {
        Map<String, String> env = environment(db, dir);
        env.put("FAULT_JDBC_URL", db.jdbcUrl());
        env.put("FAULT_USER", db.user());
        env.put("FAULT_PASSWORD", db.password());
        return start(List.of("-Xmx256m"), mainClass.getName(), env, List.of(args));
    }

    static Map<String, String> environment(TestDatabase db, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("DBSNAP_DB_URL", url(db));
        env.put("DBSNAP_DIR", dir.toString());
        return env;
    }

    /** {@code postgresql://user:password@host:port/db}. */
    static String url(TestDatabase db) {
        return "postgresql://" + encode(db.user()) + ":" + encode(db.password()) + "@" + db.server().host() + ":"
                + db.server().port() + "/" + db.name();
    }

    private static DbsnapChild start(List<String> jvmOptions, String mainClass, Map<String, String> env,
                                     List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return launch(command, env, mainClass + " " + String.join(" ", args));
    }

    private static DbsnapChild launch(List<String> command, Map<String, String> env, String description)
            throws IOException {
        Path output = Files.createTempFile("dbsnap-fault-child-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new DbsnapChild(builder.start(), output, description);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Waits for the child to end on its own.
     *
     * @throws IllegalStateException when it has not ended within {@code guard} (then it is killed):
     *                               a hang, never a question of speed
     */
    int awaitExit(Duration guard) throws InterruptedException {
        if (!process.waitFor(guard.toMillis(), TimeUnit.MILLISECONDS)) {
            String text = output();
            process.destroyForcibly();
            process.waitFor();
            throw new IllegalStateException(description + " hung: still running after " + guard.toSeconds()
                    + " s. Its output:\n" + text);
        }
        return process.exitValue();
    }

    /** Everything the child printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    void discard() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(output);
    }

    @Override
    public String toString() {
        return description;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
