package io.dbsnap.dumper;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A schema-and-data dump to a file, run in its own JVM by {@link LargeTableDumpTest} with a heap
 * smaller than the table. Arguments: JDBC URL, user, output file; the password comes in the
 * environment variable {@code DBSNAP_TEST_PASSWORD}, never on the command line.
 */
public final class SmallHeapDump {

    private SmallHeapDump() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("DBSNAP_TEST_PASSWORD"));
             OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            DumpResult result = new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaAndData()).dump(c, out);
            result.tables().forEach(t -> System.out.println(t.table().sql() + " " + t.rows()));
        }
    }
}
