package io.dbsnap.examples;

import io.dbsnap.Snapshots;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.junit5.DbSnapshotExtension;
import io.dbsnap.nats.NatsPublisher;
import io.dbsnap.reset.FastReset;
import io.dbsnap.restore.SnapshotRestorer;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.store.ObjectStorageProvider;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotMetadata;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;

/**
 * What a user's code on the class path sees of dbsnap's modules when they are on the module path:
 * run by {@link ModuleDescriptorsTest} in a JVM of its own. Prints {@code ok} when every check
 * holds; otherwise fails with what did not.
 */
public final class ModulePathCheck {

    private ModulePathCheck() {
    }

    public static void main(String[] args) throws Exception {
        for (Class<?> api : List.of(Snapshots.class, SnapshotStore.class, DatabaseDumper.class, SnapshotRestorer.class,
                ScriptReader.class, FastReset.class, DbSnapshotExtension.class, NatsPublisher.class)) {
            check(api.getModule().isNamed(), api.getName() + " is in a named module, not on the class path");
            // throws IllegalAccessException if the package were not exported
            MethodHandles.lookup().accessClass(api);
        }

        // NAME.meta.yaml is written and read by Jackson, which binds package-private records of
        // io.dbsnap.store: this fails unless the module opens that package to Jackson
        SnapshotStore store = new SnapshotStore(Path.of(args[0]));
        StoredSnapshot snapshot = store.write("modular", out -> {
            out.write("SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
            return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, "15.0", SnapshotScope.everything(), List.of());
        });
        SnapshotMetadata metadata = store.metadata(snapshot);
        check(metadata.label().equals("modular"), "the metadata read back names the label, but it says " + metadata.label());
        // the version the build wrote into the core's resources, read from inside the named module
        check(metadata.dbsnapVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
                "the metadata records the build's version, but it says " + metadata.dbsnapVersion());

        // pgjdbc's data source, through the fluent API (it needs java.naming, which io.dbsnap requires)
        DataSource database = Snapshots.dataSource("postgresql://someone@127.0.0.1:1/nothing");
        check(database != null, "a data source");

        // the dumper's internals are public classes, but in packages no user's code may reach
        for (String internal : List.of("io.dbsnap.dumper.internal.plan.DdlPlanner", "io.dbsnap.dumper.internal.sql.Literals")) {
            Class<?> type = Class.forName(internal);
            try {
                MethodHandles.lookup().accessClass(type);
                throw new AssertionError(internal + " is accessible to the user's code");
            } catch (IllegalAccessException expected) {
                // the line between API and internals holds
            }
        }

        // the S3 store is found only through io.dbsnap.s3's "provides": it is not on the class path
        List<String> providers = ServiceLoader.load(ObjectStorageProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        check(providers.equals(List.of("io.dbsnap.s3.S3StorageProvider")), "the S3 provider is found, but found " + providers);
        System.out.println("ok");
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError("Expected: " + what);
        }
    }
}
