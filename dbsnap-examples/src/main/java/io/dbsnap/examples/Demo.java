package io.dbsnap.examples;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DdlWriter;
import io.dbsnap.store.SnapshotFacts;
import io.dbsnap.store.SnapshotScope;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.SampleSchemas;
import io.dbsnap.testkit.TestDatabase;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The README's demo: a throwaway PostgreSQL with a sample application schema, a labelled
 * snapshot of it, and the list of snapshots. Needs no database of your own.
 */
public final class Demo {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Demo() {
    }

    public static void main(String[] args) throws SQLException {
        Path snapshots = Path.of(args.length > 0 ? args[0] : "target/demo-snapshots");
        run(snapshots, System.out);
    }

    static List<StoredSnapshot> run(Path snapshotDir, PrintStream out) throws SQLException {
        PostgresServer server = PostgresServer.sharedOrEmbedded();
        out.println("1. PostgreSQL " + server.majorVersion() + " is running: " + server);
        try (TestDatabase db = server.createDatabase("demo")) {
            db.execute(SampleSchemas.demo());
            out.println("2. Loaded the sample schema 'app' (tables, a trigger function, a trigger, an RLS policy) into "
                    + db.name());

            Catalog catalog;
            String serverVersion;
            try (Connection c = db.connect()) {
                catalog = CatalogReader.allSchemas().read(c);
                serverVersion = serverVersion(c);
            }
            SnapshotStore store = new SnapshotStore(snapshotDir);
            StoredSnapshot taken = store.write("pre_migration", file -> {
                Writer sql = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                new DdlWriter(sql).write(catalog);
                sql.flush();
                return new SnapshotFacts(SnapshotFacts.SCHEMA_ONLY, serverVersion, SnapshotScope.everything(), List.of());
            });
            out.printf("3. Took snapshot %s: %d tables, %d functions, %d triggers, %d policies%n",
                    taken.sqlFile(), catalog.tables().size(), catalog.routines().size(), catalog.triggers().size(),
                    catalog.policies().size());

            List<StoredSnapshot> all = store.list();
            out.println("4. Snapshots in " + snapshotDir.toAbsolutePath() + " (newest first):");
            out.printf("   %-3s %-40s %-20s %-24s %10s%n", "#", "file", "label", "created", "size");
            int index = 1;
            for (StoredSnapshot s : all) {
                boolean recent = Duration.between(s.name().created(), Instant.now()).toHours() < 24;
                out.printf("   %-3d %-40s %-20s %-24s %8.1f kB%s%n", index++, s.sqlFile().getFileName(), s.name().label(),
                        WHEN.format(s.name().created()), s.sizeBytes() / 1024.0, recent ? "  (recent)" : "");
            }
            return all;
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
