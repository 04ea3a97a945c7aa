package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar binds its own SLF4J backend, exactly one: the commands print no SLF4J
 * warning ("No SLF4J providers were found", "multiple providers") on stderr. Tagged
 * {@code launcher}: it runs bin/dbsnap on the jar the package phase built.
 */
@Tag("launcher")
class CliQuietLoggingTest {

    private static final String PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    @TempDir
    Path dir;

    @Test
    void versionAndListPrintNothingOnStderrAndTheJarHasOneSlf4jProvider() throws Exception {
        Path jar = Path.of(System.getProperty("dbsnap.jar", "target/none.jar"));
        assertThat(jar).as("the runnable jar, built in the package phase").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry(PROVIDERS)).as(PROVIDERS).isNotNull();
            String providers = new String(file.getInputStream(file.getEntry(PROVIDERS)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(providers.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")))
                    .containsExactly("org.slf4j.simple.SimpleServiceProvider");
        }
        for (List<String> args : List.of(List.of("--version"), List.of("list"), List.of("list", "--json"))) {
            List<String> command = new ArrayList<>(List.of("bash",
                    System.getProperty("dbsnap.launcher", "../bin/dbsnap")));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("DBSNAP_DIR", dir.resolve("snapshots").toString());
            builder.environment().remove("DBSNAP_JAR");
            Path err = dir.resolve("stderr.txt");
            Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("dbsnap " + args).isZero();
            assertThat(Files.readString(err)).as("stderr of dbsnap " + args).isEmpty();
        }
    }
}
