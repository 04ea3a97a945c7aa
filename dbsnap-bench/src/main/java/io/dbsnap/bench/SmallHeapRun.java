package io.dbsnap.bench;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.restore.Restorer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A dump or a restore in a JVM of its own, started by {@link DataBenchmark} with a heap smaller
 * than the tables. Arguments: {@code dump|restore}, JDBC URL, user, file; the password comes in
 * the environment variable {@code DBSNAP_BENCH_PASSWORD}, never on the command line.
 */
public final class SmallHeapRun {

    private SmallHeapRun() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[1], args[2], System.getenv("DBSNAP_BENCH_PASSWORD"))) {
            if (args[0].equals("dump")) {
                try (OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
                    new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly()).dump(c, out);
                }
            } else {
                new Restorer().restore(c, Path.of(args[3]));
            }
        }
    }
}
