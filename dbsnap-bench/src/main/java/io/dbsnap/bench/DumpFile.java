package io.dbsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a dump file holds, for checking that both contenders dumped the same objects: its size and
 * how many statements of each kind of the generated catalog it has. Both write these statements
 * with the same leading words (the server renders most of them), so counting lines suffices.
 */
record DumpFile(long bytes, Map<String, Long> statements, Optional<String> pgDumpVersion) {

    /** Statement kinds by how their first line starts (after indentation). */
    private static final Map<String, Predicate<String>> KINDS = kinds();

    private static Map<String, Predicate<String>> kinds() {
        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
        kinds.put("CREATE TABLE", line -> line.startsWith("CREATE TABLE "));
        kinds.put("CREATE FUNCTION", line -> line.startsWith("CREATE FUNCTION ")
                || line.startsWith("CREATE OR REPLACE FUNCTION "));
        kinds.put("ADD CONSTRAINT (keys)", line -> line.startsWith("ADD CONSTRAINT "));
        kinds.put("CREATE INDEX", line -> line.startsWith("CREATE INDEX ") || line.startsWith("CREATE UNIQUE INDEX "));
        kinds.put("CREATE TRIGGER", line -> line.startsWith("CREATE TRIGGER "));
        kinds.put("ENABLE ROW LEVEL SECURITY", line -> line.endsWith(" ENABLE ROW LEVEL SECURITY;"));
        kinds.put("CREATE POLICY", line -> line.startsWith("CREATE POLICY "));
        // pg_dump sets owners by default, dbsnap does not: extra output for pg_dump to write
        kinds.put("... OWNER TO", line -> line.startsWith("ALTER ") && line.contains(" OWNER TO "));
        return kinds;
    }

    /** The one kind where the two dumps differ by design: owners, which pg_dump writes and dbsnap only on request. */
    static final String OWNERS = "... OWNER TO";

    /**
     * Throws unless this dump (dbsnap's) has as many statements of each kind as {@code pgDump},
     * except owners, the explained difference: dbsnap's default dump must then have none.
     */
    void requireSameStatementsAs(DumpFile pgDump, String run) {
        List<String> differing = new ArrayList<>();
        for (String kind : KINDS.keySet()) {
            long ours = statements.get(kind);
            long theirs = pgDump.statements().get(kind);
            boolean explained = kind.equals(OWNERS) && ours == 0;
            if (ours != theirs && !explained) {
                differing.add(kind + ": dbsnap " + ours + ", pg_dump " + theirs);
            }
        }
        if (!differing.isEmpty()) {
            throw new IllegalStateException(run + ": the two dumps do not hold the same statements: "
                    + String.join("; ", differing));
        }
    }

    static List<String> kindNames() {
        return List.copyOf(KINDS.keySet());
    }

    static DumpFile of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Long> statements = new LinkedHashMap<>();
        KINDS.forEach((kind, test) -> statements.put(kind, lines.stream().map(String::strip).filter(test).count()));
        // pg_dump names itself in its header: "-- Dumped by pg_dump version 15.18 (Debian ...)".
        Optional<String> version = lines.stream().filter(l -> l.startsWith("-- Dumped by pg_dump version "))
                .findFirst().map(l -> l.substring("-- Dumped by pg_dump version ".length()));
        return new DumpFile(Files.size(file), statements, version);
    }
}
