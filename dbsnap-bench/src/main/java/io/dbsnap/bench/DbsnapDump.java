package io.dbsnap.bench;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DdlWriter;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * dbsnap's side of the benchmark: the whole in-process schema dump into a file, from opening the
 * connection to closing it (pg_dump's time includes its connection too), timed by phase.
 */
final class DbsnapDump {

    /**
     * The phases of one dump, in milliseconds. {@code write} is {@link DdlWriter#write}, which also
     * plans the statement order, plus opening and closing the file.
     */
    record Timing(double connect, double read, double write, double total) {
    }

    private DbsnapDump() {
    }

    static Timing run(TestDatabase db, Path file) throws SQLException, IOException {
        long start = System.nanoTime();
        long connected;
        long read;
        long written;
        try (Connection connection = db.connect()) {
            connected = System.nanoTime();
            Catalog catalog = CatalogReader.allSchemas().read(connection);
            read = System.nanoTime();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new DdlWriter(out).write(catalog);
            }
            written = System.nanoTime();
        }
        long end = System.nanoTime();
        return new Timing(Samples.millis(connected - start), Samples.millis(read - connected), Samples.millis(written - read),
                Samples.millis(end - start));
    }
}
