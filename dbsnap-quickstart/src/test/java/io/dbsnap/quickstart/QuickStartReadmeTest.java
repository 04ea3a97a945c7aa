package io.dbsnap.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshots;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start compiles and runs: its code block is QuickStart.java's (imports and
 * code, compared line by line), which this module compiles against io.dbsnap:dbsnap alone, and
 * which runs here as its own program on a real server, as a user would run it.
 */
class QuickStartReadmeTest {

    private static final String BEGIN = "// README quick start: begin";
    private static final String END = "// README quick start: end";

    @Test
    void theReadmesQuickStartIsQuickStartJava() throws Exception {
        List<String> block = readmeQuickStartBlock();
        List<String> source = Files.readAllLines(Path.of("src/main/java/io/dbsnap/quickstart/QuickStart.java"));

        List<String> readmeImports = block.stream().filter(l -> l.startsWith("import ")).toList();
        List<String> sourceImports = source.stream().filter(l -> l.startsWith("import ")).toList();
        assertThat(readmeImports).as("the README's imports").isEqualTo(sourceImports);

        List<String> readmeCode = block.stream().dropWhile(l -> l.startsWith("import ") || l.isBlank()).toList();
        List<String> marked = source.subList(indexOf(source, BEGIN) + 1, indexOf(source, END));
        List<String> sourceCode = new ArrayList<>();
        for (String line : marked) {
            assertThat(line.isEmpty() || line.startsWith("        ")).as("indented as the method's body: " + line).isTrue();
            sourceCode.add(line.isEmpty() ? line : line.substring(8));
        }
        assertThat(readmeCode).as("the README's quick start and QuickStart.java").isEqualTo(sourceCode);
    }

    @Test
    void theQuickStartRunsOnARealDatabase(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("quickstart")) {
            db.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id int PRIMARY KEY, email text);"
                    + " INSERT INTO auth.users VALUES (1, 'ada@example.com'), (2, 'linus@example.com');"
                    + " CREATE TABLE public.user_roles_todo (id int)");
            PostgresServer server = db.server();
            // the URL names no password: the program finds it in PGPASSWORD, as libpq would
            String url = "postgresql://" + db.user() + "@" + server.host() + ":" + server.port() + "/" + db.name();
            Snapshots.create("baseline").in(dir.resolve("snapshots")).from(db.dataSource());
            db.execute("ALTER TABLE auth.users ADD COLUMN name text");
            String before = PgDump.run(db);

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), QuickStart.class.getName()).directory(dir.toFile());
            builder.environment().put("DATABASE_URL", url);
            builder.environment().put("PGPASSWORD", db.password());
            builder.environment().remove("DBSNAP_DIR");
            Path out = dir.resolve("out.txt");
            Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the quick start finished").isTrue();
            String printed = Files.readString(out, StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(printed).isZero();
            // restored the snapshot it had just taken: the database is as it was (pg_dump judging)
            assertThat(PgDump.run(db)).isEqualTo(before);
            assertThat(printed.lines()).anyMatch(l -> l.endsWith("verified: true"));
            // the diff of baseline and pre_migration, and of baseline and the database: the column added since
            assertThat(printed).contains("1 column added / 1 column added");
            try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
                assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".sql")))
                        .anyMatch(n -> n.endsWith("_baseline.sql"))
                        .anyMatch(n -> n.endsWith("_pre_migration.sql.gz"))
                        .anyMatch(n -> n.endsWith("_before_restore.sql.gz"))   // compressed as the snapshot it replaces
                        .hasSize(3);
            }
            assertThat(printed).doesNotContain(db.password());
        }
    }

    /** The lines of the first java block after the README's "## Quick start" heading. */
    private static List<String> readmeQuickStartBlock() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        int section = indexOf(readme, "## Quick start");
        int start = -1;
        for (int i = section; i < readme.size(); i++) {
            if (readme.get(i).equals("```java")) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("a java block in the README's quick start").isPositive();
        int end = start;
        while (!readme.get(end).equals("```")) {
            end++;
        }
        return readme.subList(start, end);
    }

    private static int indexOf(List<String> lines, String wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(wanted)) {
                return i;
            }
        }
        throw new AssertionError("not found: " + wanted);
    }
}
