package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cap on one statement's length: a statement over it fails with its line and the cap, before
 * any int can overflow (a 2 GB statement once failed with "Index -2147483648 out of bounds");
 * COPY rows are no statement and pass whatever their length. A small cap stands in for 1 GiB.
 */
class StatementCapTest {

    private static final int CAP = 1000;

    private static List<ScriptStatement> read(String script, int bufferSize) {
        List<ScriptStatement> statements = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8));
        try (ScriptReader reader = new ScriptReader(in, bufferSize, CAP)) {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                statements.add(next.get());
                if (next.get().kind() == StatementKind.COPY_FROM_STDIN) {
                    try {
                        reader.copyData().readAllBytes();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return statements;
    }

    @Test
    void aStatementOverTheCapFailsNamingItsLineAndTheCap() {
        String tooLong = "INSERT INTO t VALUES ('" + "x".repeat(CAP) + "');";
        for (int bufferSize : new int[] {16, 64 * 1024}) {
            assertThatThrownBy(() -> read("SELECT 1;\n\n" + tooLong + "\nSELECT 2;\n", bufferSize))
                    .as("buffer of %d bytes", bufferSize)
                    .isInstanceOf(ScriptSyntaxException.class)
                    .hasMessageStartingWith("Line 3: ")
                    .hasMessageContaining("longer than " + CAP + " bytes");
        }
    }

    @Test
    void anUnclosedQuoteThatSwallowsTheRestFailsAtTheCapNotAtTheEnd() {
        String script = "SELECT 'unclosed;\n" + "SELECT 1;\n".repeat(500);
        assertThatThrownBy(() -> read(script, 32)).isInstanceOf(ScriptSyntaxException.class)
                .hasMessageStartingWith("Line 1: ").hasMessageContaining("longer than " + CAP);
    }

    @Test
    void statementsUpToTheCapAndCopyRowsOfAnyLengthPass() {
        String atCap = "SELECT '" + "y".repeat(CAP - "SELECT '';".length()) + "';";
        assertThat(atCap.getBytes(StandardCharsets.UTF_8)).hasSize(CAP);
        String longRow = "z".repeat(CAP * 20);
        String script = atCap + "\nCOPY t (v) FROM stdin;\n" + longRow + "\n" + longRow + "\n\\.\nSELECT 3;\n";

        List<ScriptStatement> statements = read(script, 16);

        assertThat(statements).extracting(ScriptStatement::kind)
                .containsExactly(StatementKind.SQL, StatementKind.COPY_FROM_STDIN, StatementKind.SQL);
        assertThat(statements.get(0).sql()).isEqualTo(atCap);
        assertThat(statements.get(2).line()).isEqualTo(6);
    }

    @Test
    void theDefaultCapIsOneGibibyteBelowTheLargestInt() {
        assertThat(ScriptReader.DEFAULT_MAX_STATEMENT_BYTES).isEqualTo(1024 * 1024 * 1024).isLessThan(Integer.MAX_VALUE);
    }
}
