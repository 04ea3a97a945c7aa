package io.dbsnap.dumper;

import io.dbsnap.dump.DumpOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema-and-data dump to a file, run in its own JVM by {@link LargeTableDumpTest} with a heap
 * smaller than the table. Arguments: JDBC URL, user, output file, and optionally how many
 * connections read the rows; the password comes in the environment variable
 * {@code DBSNAP_TEST_PASSWORD}, never on the command line.
 */
public final class SmallHeapDump {

    private SmallHeapDump() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        DatabaseDumper dumper = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData().parallel(connections));
        DumpResult result;
        try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            if (connections > 1) {
                PGSimpleDataSource source = new PGSimpleDataSource();
                source.setURL(args[0]);
                source.setUser(args[1]);
                source.setPassword(System.getenv("DBSNAP_TEST_PASSWORD"));
                result = dumper.dump(source, out);
            } else {
                try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("DBSNAP_TEST_PASSWORD"))) {
                    result = dumper.dump(c, out);
                }
            }
        }
        result.tables().forEach(t -> System.out.println(t.table().sql() + " " + t.rows()));
    }
}
