package io.dbsnap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.restore.Restorer;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks the benchmarks run after every timed run, on a small copy of the data benchmark's
 * tables: they pass on right results and throw on a dump or a restore that lost or changed a row
 * (the rows of the files edited by hand), and on dumps whose statements differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultCheckTest {

    private Path dir;
    private TestDatabase source;
    private Path reference;
    private Path dbsnapDump;
    private Map<String, Long> sourceCounts;

    @BeforeAll
    void dumpASmallDataSet() throws Exception {
        dir = Files.createTempDirectory("bench-check-");
        source = PostgresServer.shared().createDatabase("bench_check");
        new GeneratedData(1).create(source);
        sourceCounts = ResultCheck.rowCounts(source);
        reference = dir.resolve("pg_dump.sql");
        PgDump.toFile(source, reference, "--data-only");
        dbsnapDump = dir.resolve("dbsnap.sql");
        try (Connection c = source.connect(); OutputStream out = Files.newOutputStream(dbsnapDump)) {
            new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.dataOnly()).dump(c, out);
        }
    }

    @AfterAll
    void dropTheSourceAndTheFiles() throws Exception {
        if (source != null) {
            source.close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void rightDumpsPass() throws Exception {
        assertThat(sourceCounts).hasSize(4).allSatisfy((table, rows) -> assertThat(rows).isPositive());
        assertThatCode(() -> ResultCheck.requireRowCounts("pg_dump", reference, sourceCounts)).doesNotThrowAnyException();
        assertThatCode(() -> ResultCheck.requireSameRows("dbsnap", dbsnapDump, reference)).doesNotThrowAnyException();
    }

    @Test
    void aDumpWithARowRemovedFails() throws Exception {
        Path truncated = edit(dbsnapDump, "without-a-row.sql", rows -> rows.remove(rows.indexOf(firstRowOf(rows,
                "public.customers")))) ;

        assertThatThrownBy(() -> ResultCheck.requireSameRows("dbsnap's dump", truncated, reference))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public.customers: " + (sourceCounts.get("public.customers") - 1) + " rows");
        assertThatThrownBy(() -> ResultCheck.requireRowCounts("pg_dump's dump", edit(reference, "pg-without-a-row.sql",
                rows -> rows.remove(rows.indexOf(firstRowOf(rows, "public.events"))) ), sourceCounts))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public.events");
    }

    @Test
    void aDumpWithARowChangedFails() throws Exception {
        Path changed = edit(dbsnapDump, "changed-row.sql", rows -> {
            int i = rows.indexOf(firstRowOf(rows, "public.documents"));
            rows.set(i, rows.get(i).replaceFirst("Document", "Dokument"));
        });

        assertThatThrownBy(() -> ResultCheck.requireSameRows("dbsnap's dump", changed, reference))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public.documents");
    }

    @Test
    void aDumpCutShortFails() throws Exception {
        Path cut = edit(dbsnapDump, "cut.sql", rows -> rows.subList(rows.indexOf(firstRowOf(rows, "public.readings")) + 1,
                rows.size()).clear());

        assertThatThrownBy(() -> ResultCheck.requireSameRows("dbsnap's dump", cut, reference))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
    }

    @Test
    void aRestoreMissingARowFails() throws Exception {
        Map<String, String> expected = ResultCheck.contents(source);
        try (TestDatabase restored = source.server().createDatabase("bench_check_restored")) {
            restored.execute(GeneratedData.SCHEMA);
            try (Connection c = restored.connect()) {
                assertThat(new Restorer().restore(c, dbsnapDump).rows())
                        .isEqualTo(sourceCounts.values().stream().mapToLong(Long::longValue).sum());
            }
            assertThatCode(() -> ResultCheck.requireContents("restore", restored, expected)).doesNotThrowAnyException();

            restored.execute("DELETE FROM public.readings WHERE id = 7");
            assertThatThrownBy(() -> ResultCheck.requireContents("restore", restored, expected))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("public.readings");
            restored.execute("INSERT INTO public.readings SELECT * FROM public.readings WHERE id = 8;"
                    + " UPDATE public.readings SET sensor = sensor + 1 WHERE ctid = (SELECT min(ctid) FROM public.readings WHERE id = 8)");
            assertThatThrownBy(() -> ResultCheck.requireContents("restore", restored, expected))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void schemaDumpsWithOtherStatementCountsFailUnlessOnlyOwnersDiffer() throws Exception {
        Path pgDump = write("pg.sql", "CREATE TABLE a (x int);", "ALTER TABLE a OWNER TO me;", "CREATE TABLE b (x int);",
                "CREATE INDEX i ON b (x);");
        Path same = write("same.sql", "CREATE TABLE a (x int);", "CREATE TABLE b (x int);", "CREATE INDEX i ON b (x);");
        Path lost = write("lost.sql", "CREATE TABLE a (x int);", "CREATE INDEX i ON b (x);");

        assertThatCode(() -> DumpFile.of(same).requireSameStatementsAs(DumpFile.of(pgDump), "run 1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DumpFile.of(lost).requireSameStatementsAs(DumpFile.of(pgDump), "run 2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("run 2")
                .hasMessageContaining("CREATE TABLE: dbsnap 1, pg_dump 2");
    }

    private interface Edit {
        void apply(List<String> lines);
    }

    private Path edit(Path file, String name, Edit edit) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        edit.apply(lines);
        Path edited = dir.resolve(name);
        Files.write(edited, lines, StandardCharsets.UTF_8);
        return edited;
    }

    private Path write(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    /** The first row line of the COPY block of {@code table}. */
    private static String firstRowOf(List<String> lines, String table) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("COPY " + table + " ")) {
                return lines.get(i + 1);
            }
        }
        throw new AssertionError("no COPY of " + table);
    }
}
