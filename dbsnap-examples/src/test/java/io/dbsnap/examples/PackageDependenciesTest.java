package io.dbsnap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure holds (see docs/architecture.md): no cycle between dbsnap's packages, and
 * the modules built on the library (the command line, the JUnit extension, the fast reset, these
 * examples) use no package of its internals beyond what each is allowed. Read from the compiled
 * classes of every module of the build: every type a class uses is named ({@code io/dbsnap/...})
 * in its constant pool, even one only reached through a {@code var} or a chained call.
 */
class PackageDependenciesTest {

    /** The modules whose classes are checked; the build compiles them all before this one's tests. */
    private static final List<String> MODULES = List.of("dbsnap-core", "dbsnap-dumper", "dbsnap-restore", "dbsnap",
            "dbsnap-s3", "dbsnap-nats", "dbsnap-cli", "dbsnap-reset", "dbsnap-junit5", "dbsnap-examples");
    private static final Pattern TYPE = Pattern.compile("io/dbsnap((?:/[a-z0-9_]+)*)/[A-Z][\\w$]*");

    /** Package → the dbsnap packages its classes use (itself left out). */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readCompiledClasses() throws IOException {
        Path build = Path.of("..").toAbsolutePath().normalize();
        for (String module : MODULES) {
            Path classes = build.resolve(module).resolve("target/classes");
            assertThat(classes).as("the compiled classes of " + module + " (build the whole project first)").isDirectory();
            try (Stream<Path> files = Files.walk(classes)) {
                // not the module descriptors: they name what a module offers, not what a package uses
                // (ModuleDescriptorsTest checks them)
                for (Path file : files.filter(f -> f.toString().endsWith(".class")
                        && !f.getFileName().toString().equals("module-info.class")).toList()) {
                    String from = classes.relativize(file.getParent()).toString().replace('/', '.');
                    Set<String> used = USES.computeIfAbsent(from, p -> new TreeSet<>());
                    // ISO-8859-1 maps each byte to one char: the constant pool's ASCII names read as they are
                    Matcher m = TYPE.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        String to = "io.dbsnap" + m.group(1).replace('/', '.');
                        if (!to.equals(from)) {
                            used.add(to);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theClassesWereRead() {
        // the reading itself: known uses must be found, or the checks below would pass on nothing
        assertThat(USES).containsKeys("io.dbsnap", "io.dbsnap.catalog", "io.dbsnap.cli", "io.dbsnap.reset");
        assertThat(USES.get("io.dbsnap")).contains("io.dbsnap.restore", "io.dbsnap.dumper", "io.dbsnap.errors");
        assertThat(USES.get("io.dbsnap.cli")).contains("io.dbsnap");
        // the dumper's entry points stand on its internal packages, which the check below keeps from the modules on top
        assertThat(USES.get("io.dbsnap.dumper")).contains("io.dbsnap.dumper.internal.read", "io.dbsnap.dumper.internal.plan");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            List<String> path = cycleThrough(start);
            if (!path.isEmpty() && path.get(0).equals(start)
                    && cycles.stream().noneMatch(c -> new HashSet<>(c).equals(new HashSet<>(path)))) {
                cycles.add(path);
            }
        }
        assertThat(cycles).as("cycles between packages, each as the path that closes it").isEmpty();
    }

    @Test
    void theModulesOnTopUseOnlyWhatTheyMay() {
        Map<String, Set<String>> forbidden = Map.of(
                // the fast reset stands on the fluent API and the model, not on the engines
                "io.dbsnap.reset", Set.of("io.dbsnap.dumper", "io.dbsnap.restore", "io.dbsnap.restore.script"),
                // the JUnit extension reaches the engines through the fluent API and the reset
                "io.dbsnap.junit5", Set.of("io.dbsnap.dumper", "io.dbsnap.restore.script"),
                "io.dbsnap.examples", Set.of("io.dbsnap.dumper", "io.dbsnap.restore.script", "io.dbsnap.reset"));
        // and none of them uses a package the library keeps internal
        List<String> onTop = List.of("io.dbsnap.cli", "io.dbsnap.nats", "io.dbsnap.junit5", "io.dbsnap.reset", "io.dbsnap.examples");
        Map<String, Set<String>> broken = new TreeMap<>();
        USES.forEach((from, used) -> {
            for (String to : used) {
                boolean internal = to.contains(".internal") && onTop.stream().anyMatch(from::startsWith);
                if (internal || forbidden.getOrDefault(from, Set.of()).contains(to)) {
                    broken.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        });
        assertThat(broken).isEmpty();
    }

    /** A path from {@code start} back to it, or empty; depth first. */
    private static List<String> cycleThrough(String start) {
        Map<String, String> reachedFrom = new HashMap<>();
        List<String> stack = new ArrayList<>(List.of(start));
        while (!stack.isEmpty()) {
            String at = stack.remove(stack.size() - 1);
            for (String next : USES.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = reachedFrom.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return path;
                }
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, at);
                    stack.add(next);
                }
            }
        }
        return List.of();
    }
}
