package io.dbsnap.cli;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.diff.DiffJson;
import io.dbsnap.diff.SchemaDiff;
import io.dbsnap.dumper.DdlWriter;
import io.dbsnap.dumper.MigrationPlanner;
import io.dbsnap.restore.script.ScriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run of the class-data-sharing archive that {@code bin/dbsnap} builds once per jar
 * (under {@code -XX:ArchiveClassesAtExit}): loads every class of dbsnap and of the libraries its
 * commands use from the runnable jar, so that the archive serves every command and not only the
 * first one run; then builds picocli's model of every command and runs the work that needs no
 * database ({@link #exercise()}), so that the classes made or loaded only by running code are
 * archived too. A class that cannot be loaded (an optional dependency of a
 * library that is not in the jar) is left out; the JVM loads it as usual if ever needed. picocli
 * is archived only because the build compiles it from its sources (dbsnap-cli's pom): JDK 17
 * archives no class file as old as its jar's (Java 5).
 */
public final class ClassDataTraining {

    private static final List<String> PACKAGES = List.of("io/dbsnap/", "org/postgresql/", "com/fasterxml/jackson/",
            "org/yaml/snakeyaml/", "org/slf4j/", "com/github/difflib/", "picocli/");

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path jar = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        int loaded = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || name.contains("-") || PACKAGES.stream().noneMatch(name::startsWith)) {
                    continue; // module-info, package-info, META-INF/versions/...
                }
                try {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // an optional dependency missing from the jar: the class stays out of the archive
                }
            }
        }
        // picocli's model of every command and its help, built once: the classes picocli's reflection
        // needs (its own and the JDK's) load only as it runs
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        new Cli(Map.of(), nowhere, nowhere).commandLine().usage(nowhere);
        String exercise;
        try {
            exercise = exercise() + "; " + connectionAttempt();
        } catch (IOException | RuntimeException | LinkageError e) {
            // the archive is still good, only without what the exercise would have added
            exercise = "the exercise failed: " + e;
        }
        System.out.println(loaded + " classes loaded for the class-data archive of " + jar + "; " + exercise);
    }

    /**
     * A connection attempt of pgjdbc to a server that hangs up at once (a socket of this JVM's on
     * the loopback address): the classes of the JDK's sockets and of pgjdbc's start of a
     * connection (which reads the heap's size through java.lang.management) load only so.
     */
    static String connectionAttempt() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    accepted.getInputStream().read(); // the start of the startup message
                } catch (IOException e) {
                    // the attempt ended first: nothing to hang up
                }
            });
            hangUp.start();
            String url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/training?connectTimeout=5&sslmode=disable";
            try (Connection ignored = new org.postgresql.Driver().connect(url, new Properties())) {
                return "the connection attempt was answered";
            } catch (SQLException expected) {
                return "the connection attempt was refused, as meant";
            } finally {
                try {
                    hangUp.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Runs, without a database, the work a command does once it has read a catalog, on the catalog
     * of {@code training-schema.sql} (the resource {@code training-catalog.json}): writing its
     * DDL, its JSON and its fingerprint, diffing it and planning a migration from it, parsing the
     * DDL as a restore does and hashing it. Only running code makes its lambdas, Jackson's
     * serializers and the JDK classes it needs; in the archive, no command spins or loads them again.
     */
    static String exercise() throws IOException {
        Catalog catalog;
        try (InputStream in = ClassDataTraining.class.getResourceAsStream("training-catalog.json")) {
            catalog = CatalogJson.read(in);
        }
        Path script = Files.createTempFile("dbsnap-training", ".sql");
        try {
            try (Writer out = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
                new DdlWriter(out).write(catalog);
            }
            CatalogJson.write(catalog, OutputStream.nullOutputStream());
            Catalog empty = CatalogJson.fromJson("{\"format\": 1}");
            String diff = DiffJson.render(SchemaDiff.compare(empty, catalog));
            int steps = MigrationPlanner.plan(catalog, empty).steps().size();
            int statements = 0;
            try (ScriptReader reader = ScriptReader.open(script)) {
                while (reader.next().isPresent()) {
                    statements++;
                }
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Files.readAllBytes(script));
            return String.format("exercised on %d statements, a diff of %d characters, %d migration steps, fingerprint %s,"
                    + " SHA-256 %s", statements, diff.length(), steps, CatalogJson.fingerprint(catalog),
                    HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
