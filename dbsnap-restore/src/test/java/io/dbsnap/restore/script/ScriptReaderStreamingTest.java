package io.dbsnap.restore.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * COPY data is streamed, not held: a script of some 600 MB, made on the fly, goes through the
 * reader byte-exact, once in this JVM and once in a JVM whose heap (32 MB) could not hold one
 * COPY block of it.
 */
class ScriptReaderStreamingTest {

    /** 4,800 blocks of 64 KiB: about 300 MB per COPY. */
    private static final long BLOCKS = 4_800;

    @Test
    void streamsThreeHundredMegabytesOfCopyDataAndSkipsAsMuchMore() throws IOException {
        assertThat(GeneratedCopyScript.dataBytes(BLOCKS)).isGreaterThan(300_000_000L);

        assertThat(StreamingCheck.check(BLOCKS, BLOCKS)).isNull();
    }

    @Test
    void needsNoMoreHeapThanItsBuffer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire passes the test class path in a manifest-only jar; java.class.path names it.
        Process process = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                StreamingCheck.class.getName(), String.valueOf(BLOCKS), String.valueOf(BLOCKS))
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }

        assertThat(List.of(finished, process.exitValue(), output)).containsExactly(true, 0, "");
    }
}
