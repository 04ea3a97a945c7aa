package io.dbsnap.bench;

import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/** What the numbers were measured on: they mean little without it. */
record MachineFacts(int cores, String cpu, String os, String java, long maxHeapBytes, String server,
                    String serverVersion) {

    static MachineFacts of(TestDatabase db) throws SQLException {
        String serverVersion;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_catalog.version()")) {
            rs.next();
            serverVersion = rs.getString(1);
        }
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().maxMemory(),
                db.server().toString(), serverVersion);
    }

    /** The CPU's model name where Linux tells it; "unknown" elsewhere. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
