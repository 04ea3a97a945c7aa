package io.dbsnap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules' descriptors (each module's {@code module-info.java}) are what
 * docs/architecture.md says: each resolves on a module path with its dependencies, exports the API
 * packages and no {@code internal} one (the dumper's go to the restorer only), and the S3 store is
 * a service. The tests run on the class path, so this reads the compiled descriptors from each
 * module's {@code target/classes} and the dependencies' jars from this test's class path, and
 * runs {@link ModulePathCheck} on that module path in a JVM of its own.
 */
class ModuleDescriptorsTest {

    /** Directory of each library module in the build → its module name. */
    private static final Map<String, String> LIBRARY = new LinkedHashMap<>();

    static {
        LIBRARY.put("dbsnap-core", "io.dbsnap.core");
        LIBRARY.put("dbsnap-dumper", "io.dbsnap.dumper");
        LIBRARY.put("dbsnap-restore", "io.dbsnap.restore");
        LIBRARY.put("dbsnap", "io.dbsnap");
        LIBRARY.put("dbsnap-reset", "io.dbsnap.reset");
        LIBRARY.put("dbsnap-junit5", "io.dbsnap.junit5");
        LIBRARY.put("dbsnap-s3", "io.dbsnap.s3");
        LIBRARY.put("dbsnap-nats", "io.dbsnap.nats");
    }

    /** The module path: the library modules' classes, then the jars of the modules they require. */
    private static final List<Path> MODULE_PATH = new java.util.ArrayList<>();
    private static Configuration resolved;

    @BeforeAll
    static void findTheModules() {
        Path build = Path.of("..").toAbsolutePath().normalize();
        for (String directory : LIBRARY.keySet()) {
            Path classes = build.resolve(directory).resolve("target/classes");
            assertThat(classes.resolve("module-info.class")).as("the compiled descriptor of " + directory).isRegularFile();
            MODULE_PATH.add(classes);
        }
        MODULE_PATH.addAll(requiredJars(ModuleFinder.of(MODULE_PATH.toArray(Path[]::new)).findAll()));
        resolved = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(MODULE_PATH.toArray(Path[]::new)), ModuleFinder.of(), Set.copyOf(LIBRARY.values()));
    }

    /**
     * The jars on this test's class path that hold the modules the library requires, directly or
     * through another's descriptor; a module required but not found stays out, and resolving fails
     * on it. Only these: the whole class path holds test libraries whose packages overlap.
     */
    private static Set<Path> requiredJars(Set<ModuleReference> library) {
        Map<String, ModuleReference> jars = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try {
                for (ModuleReference module : ModuleFinder.of(Path.of(entry)).findAll()) {
                    jars.putIfAbsent(module.descriptor().name(), module);
                }
            } catch (FindException e) {
                // a jar that cannot be a module (no usable name): nothing the library requires
            }
        }
        Set<Path> found = new LinkedHashSet<>();
        Set<String> seen = new TreeSet<>();
        Deque<ModuleDescriptor> todo = new ArrayDeque<>(library.stream().map(ModuleReference::descriptor).toList());
        while (!todo.isEmpty()) {
            for (Requires requires : todo.pop().requires()) {
                String name = requires.name();
                if (requires.modifiers().contains(Requires.Modifier.STATIC) || !seen.add(name)
                        || LIBRARY.containsValue(name) || ModuleFinder.ofSystem().find(name).isPresent()) {
                    continue;
                }
                ModuleReference jar = jars.get(name);
                if (jar != null) {
                    found.add(Path.of(jar.location().orElseThrow()));
                    todo.add(jar.descriptor());
                }
            }
        }
        return found;
    }

    private static ModuleDescriptor descriptor(String module) {
        return resolved.findModule(module).map(ResolvedModule::reference).map(ModuleReference::descriptor).orElseThrow();
    }

    /** Exported package → the modules it is exported to, "everyone" for an unqualified export. */
    private static Map<String, Set<String>> exports(String module) {
        return descriptor(module).exports().stream().collect(Collectors.toMap(Exports::source,
                e -> e.isQualified() ? new TreeSet<>(e.targets()) : Set.of("everyone"), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyLibraryModuleResolvesWithTheModulesItRequires() {
        // resolution fails (in @BeforeAll) when a required module is missing or misnamed
        assertThat(resolved.modules()).extracting(ResolvedModule::name)
                .contains(LIBRARY.values().toArray(String[]::new))
                .contains("org.postgresql.jdbc", "com.fasterxml.jackson.databind", "org.slf4j", "io.nats.jnats",
                        "software.amazon.awssdk.services.s3", "org.junit.jupiter.api");
        // the fluent API's module reads all that its API returns, without its user requiring more
        ResolvedModule facade = resolved.findModule("io.dbsnap").orElseThrow();
        assertThat(facade.reads()).extracting(ResolvedModule::name)
                .contains("io.dbsnap.core", "io.dbsnap.dumper", "io.dbsnap.restore", "java.sql");
    }

    @Test
    void eachModuleExportsItsApiPackages() {
        // as docs/architecture.md lists them
        assertThat(exports("io.dbsnap.core").keySet()).containsExactly("io.dbsnap.catalog", "io.dbsnap.connection",
                "io.dbsnap.diff", "io.dbsnap.errors", "io.dbsnap.store");
        assertThat(exports("io.dbsnap.restore")).containsOnlyKeys("io.dbsnap.restore", "io.dbsnap.restore.script");
        assertThat(exports("io.dbsnap")).containsOnlyKeys("io.dbsnap");
        assertThat(exports("io.dbsnap.reset")).containsOnlyKeys("io.dbsnap.reset");
        assertThat(exports("io.dbsnap.junit5")).containsOnlyKeys("io.dbsnap.junit5");
        assertThat(exports("io.dbsnap.nats")).containsOnlyKeys("io.dbsnap.nats");
        assertThat(exports("io.dbsnap.s3")).as("the S3 store is reached through the service only").isEmpty();
        for (String module : LIBRARY.values()) {
            if (!module.equals("io.dbsnap.dumper")) {
                assertThat(exports(module).values()).as(module + " exports to everyone").allMatch(Set.of("everyone")::equals);
            }
        }
    }

    @Test
    void theDumpersInternalPackagesGoToTheRestorerOnly() {
        Map<String, Set<String>> exports = exports("io.dbsnap.dumper");
        assertThat(exports).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "io.dbsnap.dump", Set.of("everyone"),
                "io.dbsnap.dumper", Set.of("everyone"),
                "io.dbsnap.dumper.internal.ddl", Set.of("io.dbsnap.restore"),
                "io.dbsnap.dumper.internal.plan", Set.of("io.dbsnap.restore"),
                "io.dbsnap.dumper.internal.read", Set.of("io.dbsnap.restore"),
                "io.dbsnap.migration", Set.of("everyone"))));
        // the packages themselves, so that a renamed or new internal package is not missed above
        assertThat(descriptor("io.dbsnap.dumper").packages()).contains("io.dbsnap.dumper.internal.data",
                "io.dbsnap.dumper.internal.graph", "io.dbsnap.dumper.internal.sql");
        for (String module : LIBRARY.values()) {
            assertThat(descriptor(module).exports()).as(module + ": no internal package exported to everyone")
                    .noneMatch(e -> !e.isQualified() && e.source().contains(".internal"));
            assertThat(descriptor(module).opens()).as(module + ": nothing opened to everyone").allMatch(Opens::isQualified);
        }
    }

    @Test
    void theBucketStoreIsAServiceOfTheCore() {
        assertThat(descriptor("io.dbsnap.core").uses()).containsExactly("io.dbsnap.store.ObjectStorageProvider");
        assertThat(descriptor("io.dbsnap.s3").provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("io.dbsnap.store.ObjectStorageProvider");
            assertThat(p.providers()).containsExactly("io.dbsnap.s3.S3StorageProvider");
        });
        // and on the class path still, by the services file beside the descriptor
        assertThat(Path.of("../dbsnap-s3/target/classes/META-INF/services/io.dbsnap.store.ObjectStorageProvider"))
                .content(StandardCharsets.UTF_8).contains("io.dbsnap.s3.S3StorageProvider");
        // binding the services pulls the S3 module in for the core that uses it
        Configuration bound = ModuleLayer.boot().configuration().resolveAndBind(
                ModuleFinder.of(MODULE_PATH.toArray(Path[]::new)), ModuleFinder.of(), Set.of("io.dbsnap"));
        assertThat(bound.findModule("io.dbsnap.s3")).isPresent();
    }

    @Test
    void jacksonMayReadTheStoresRecordsOnly() {
        assertThat(descriptor("io.dbsnap.core").opens()).singleElement().satisfies(o -> {
            assertThat(o.source()).isEqualTo("io.dbsnap.store");
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
        });
    }

    @Test
    void aUsersCodeSeesTheApiAndNotTheInternalsOnTheModulePath(@TempDir Path snapshots) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modulePath = MODULE_PATH.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        // the user's code: this module's test classes, on the class path; dbsnap on the module path only
        Path userCode = Path.of(ModulePathCheck.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Process check = new ProcessBuilder(java, "--module-path", modulePath,
                "--add-modules", String.join(",", LIBRARY.values()),
                "-cp", userCode.toString(), ModulePathCheck.class.getName(), snapshots.toString())
                .redirectErrorStream(true).start();
        String output;
        try (var out = check.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).as("the check ends").isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).as(output).contains("ok");
        // what it wrote on the module path is a snapshot that the class path reads too
        try (var files = Files.list(snapshots)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith("_modular.meta.yaml"));
        }
    }
}
