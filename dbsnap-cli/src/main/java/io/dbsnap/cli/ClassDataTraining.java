package io.dbsnap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run of the class-data-sharing archive that {@code bin/dbsnap} builds once per jar
 * (under {@code -XX:ArchiveClassesAtExit}): loads every class of dbsnap and of the libraries its
 * commands use from the runnable jar, so that the archive serves every command and not only the
 * first one run; then builds picocli's model of every command, so that the JDK classes picocli's
 * reflection needs are archived too. A class that cannot be loaded (an optional dependency of a
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
        System.out.println(loaded + " classes loaded for the class-data archive of " + jar);
    }
}
