package io.dbsnap.restore.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.restore.script.RandomScripts.Expected;
import io.dbsnap.restore.script.RandomScripts.Script;
import io.dbsnap.restore.script.Scripts.Read;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random scripts built from known statements must split back into exactly those statements. */
class ScriptReaderPropertiesTest {

    @Property(tries = 1000)
    void givesBackTheStatementsTheScriptWasBuiltFrom(@ForAll("scripts") Script script) {
        List<Read> read = Scripts.read(script.text().getBytes(StandardCharsets.UTF_8), ScriptReader.DEFAULT_BUFFER_SIZE);

        List<Expected> actual = new ArrayList<>();
        for (Read r : read) {
            actual.add(new Expected(r.sql(), r.statement().line(), r.statement().kind(), r.data()));
        }
        assertThat(actual).isEqualTo(script.statements());
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).statement().number()).isEqualTo(i + 1);
        }
    }

    @Property(tries = 500)
    void anyBufferSizeAndAnyReadSizeGiveTheSameResult(@ForAll("scripts") Script script,
            @ForAll @IntRange(min = 4, max = 100) int bufferSize, @ForAll long seed) {
        byte[] bytes = script.text().getBytes(StandardCharsets.UTF_8);

        List<Read> withDefaults = Scripts.read(bytes, ScriptReader.DEFAULT_BUFFER_SIZE);

        assertThat(readTrickling(bytes, bufferSize, new Random(seed))).isEqualTo(withDefaults);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return RandomScripts.scripts();
    }

    /** Reads through a stream that hands out a few bytes at a time, and COPY data in small random reads. */
    private static List<Read> readTrickling(byte[] bytes, int bufferSize, Random random) {
        List<Read> result = new ArrayList<>();
        try (ScriptReader reader = new ScriptReader(new Trickle(new ByteArrayInputStream(bytes), random), bufferSize)) {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                Optional<String> data = Optional.empty();
                if (next.get().kind() == StatementKind.COPY_FROM_STDIN) {
                    InputStream rows = reader.copyData();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] chunk = new byte[1 + random.nextInt(20)];
                    int n;
                    while ((n = rows.read(chunk, 0, 1 + random.nextInt(chunk.length))) >= 0) {
                        out.write(chunk, 0, n);
                    }
                    data = Optional.of(out.toString(StandardCharsets.UTF_8));
                }
                result.add(new Read(next.get(), data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Returns at most a few bytes per read, as a network or decompressing stream may. */
    private static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(InputStream in, Random random) {
            super(in);
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }
    }
}
