package io.dbsnap.restore.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads whole scripts in tests, with several buffer sizes that must all give the same result. */
final class Scripts {

    /** Tiny sizes put buffer edges inside every token; 4 is the smallest the reader takes. */
    static final int[] BUFFER_SIZES = {4, 5, 7, 13, ScriptReader.DEFAULT_BUFFER_SIZE};

    /** A statement and, for a COPY, the data that followed it. */
    record Read(ScriptStatement statement, Optional<String> data) {

        String sql() {
            return statement.sql();
        }
    }

    private Scripts() {
    }

    /** Every statement of {@code script}, COPY data read in full; the same with every buffer size. */
    static List<Read> split(String script) {
        return split(script.getBytes(StandardCharsets.UTF_8));
    }

    static List<Read> split(byte[] script) {
        List<Read> first = read(script, BUFFER_SIZES[0]);
        for (int i = 1; i < BUFFER_SIZES.length; i++) {
            assertThat(read(script, BUFFER_SIZES[i])).as("with a buffer of %d bytes", BUFFER_SIZES[i]).isEqualTo(first);
        }
        return first;
    }

    /** The statements' texts only. */
    static List<String> sql(String script) {
        return split(script).stream().map(Read::sql).toList();
    }

    static List<Read> read(byte[] script, int bufferSize) {
        List<Read> result = new ArrayList<>();
        try (ScriptReader reader = new ScriptReader(new ByteArrayInputStream(script), bufferSize)) {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                ScriptStatement statement = next.get();
                Optional<String> data = Optional.empty();
                if (statement.kind() == StatementKind.COPY_FROM_STDIN) {
                    data = Optional.of(new String(reader.copyData().readAllBytes(), StandardCharsets.UTF_8));
                }
                result.add(new Read(statement, data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
