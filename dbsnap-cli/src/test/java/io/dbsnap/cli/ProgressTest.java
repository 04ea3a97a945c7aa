package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The progress meter counts a script's tables and rows as it streams by, and the line says what it counted. */
class ProgressTest {

    /** 3 tables created, 2 COPY blocks of 2 and 1 rows; a row that reads like a COPY or an end marker is a row. */
    private static final String SCRIPT = """
            CREATE TABLE app.users (
                id integer
            );

            CREATE UNLOGGED TABLE app.cache (k text);

            CREATE TABLE app.empty (id int);

            COPY app.users (id) FROM stdin;
            1
            COPY app.users (id) FROM stdin;
            \\.
            COPY app.cache (k) FROM stdin;
            \\\\.
            \\.
            SELECT pg_catalog.setval('app.s', 1, true);
            """;

    @Test
    void theMeterCountsTablesCreatedCopiesDoneRowsAndBytesWrittenOrRead() throws Exception {
        byte[] bytes = SCRIPT.getBytes(StandardCharsets.UTF_8);

        ScriptMeter written = new ScriptMeter();
        try (OutputStream out = written.watch(new ByteArrayOutputStream())) {
            // in pieces, as a buffered writer hands them on, with a line split across two writes
            out.write(bytes, 0, 50);
            out.write(bytes[50]);
            out.write(bytes, 51, bytes.length - 51);
        }
        ScriptMeter read = new ScriptMeter();
        try (InputStream in = read.watch(new ByteArrayInputStream(bytes))) {
            in.readAllBytes();
        }

        for (ScriptMeter meter : new ScriptMeter[] {written, read}) {
            assertThat(meter.tablesCreated()).isEqualTo(3);
            assertThat(meter.tablesDone()).isEqualTo(2);
            assertThat(meter.rows()).isEqualTo(3);
            assertThat(meter.bytes()).isEqualTo(bytes.length);
        }
    }

    @Test
    void theLineShowsTablesRowsBytesRateAndTimeLeft() {
        ScriptMeter meter = new ScriptMeter();
        byte[] script = SCRIPT.getBytes(StandardCharsets.UTF_8);
        meter.scan(script, 0, script.length);
        ProgressDisplay display = display(meter, OptionalLong.of(script.length * 3L), OptionalInt.of(4));
        display.close();

        // a third of the bytes in 2 seconds: 4 seconds left
        assertThat(display.line(Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isEqualTo("restore x: 2/4 tables, 3 rows, " + Units.bytes(script.length) + " of "
                        + Units.bytes(script.length * 3L) + ", " + Units.bytes(script.length / 2) + "/s, ETA 0:04, 0:05");

        ProgressDisplay dump = display(meter, OptionalLong.empty(), OptionalInt.empty());
        dump.close();
        // tables from the script itself: 2 of 3 done in 10 seconds, 5 left
        assertThat(dump.line(Duration.ofSeconds(12), Duration.ofSeconds(10))).contains("2/3 tables").contains("ETA 0:05");

        // one row is "1 row"
        ScriptMeter single = new ScriptMeter();
        byte[] oneRow = "COPY public.t (id) FROM stdin;\n1\n\\.\n".getBytes(StandardCharsets.UTF_8);
        single.scan(oneRow, 0, oneRow.length);
        ProgressDisplay one = display(single, OptionalLong.empty(), OptionalInt.empty());
        one.close();
        assertThat(one.line(Duration.ofSeconds(1), Duration.ofSeconds(1))).contains(" 1 row, ");

        ProgressDisplay waiting = display(new ScriptMeter(), OptionalLong.empty(), OptionalInt.empty());
        waiting.close();
        assertThat(waiting.line(Duration.ofSeconds(3), Duration.ZERO)).isEqualTo("restore x: preparing... 0:03");
    }

    /**
     * The rate is measured from the moment the first byte went through, as the meter saw it; the
     * display used to start the clock when it first noticed bytes, at its next redraw, and showed
     * a rate up to a thousand times too high on its first line.
     */
    @Test
    void theFirstLinesRateCountsFromTheFirstByte() {
        long firstByte = 7_000_000_000L;
        ScriptMeter meter = new ScriptMeter(() -> firstByte);
        byte[] megabyte = new byte[1 << 20];
        meter.scan(megabyte, 0, megabyte.length);
        ProgressDisplay display = display(meter, OptionalLong.empty(), OptionalInt.empty());
        display.close();

        // 1 MB in the 2 seconds since the first byte, on the very first line drawn
        assertThat(display.lineAt(firstByte + 2_000_000_000L)).contains(", 512.0 kB/s,");
    }

    @Test
    void unitsReadAsPeopleWriteThem() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(46_285)).isEqualTo("45.2 kB");
        assertThat(Units.bytes(1024L * 1024 * 1024)).isEqualTo("1.0 GB");
        assertThat(Units.age(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(Units.age(Duration.ofMinutes(90))).isEqualTo("1h");
        assertThat(Units.age(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Units.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    private static ProgressDisplay display(ScriptMeter meter, OptionalLong bytes, OptionalInt tables) {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Terminal none = new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean progressBar() {
                return false;
            }

            @Override
            public Optional<String> ask(String prompt, PrintStream stream) {
                return Optional.empty();
            }
        };
        CliContext context = new CliContext(new Environment(Map.of()), none, err, err, Clock.systemUTC());
        return ProgressDisplay.start(context, "restore x", meter, bytes, tables);
    }
}
