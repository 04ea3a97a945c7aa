package io.dbsnap.restore.script;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads a {@link GeneratedCopyScript} and checks what comes out. A main of its own, so that a
 * test can run it in a JVM with a heap far smaller than the script.
 */
final class StreamingCheck {

    private StreamingCheck() {
    }

    /** Arguments: the number of blocks in the first and the second COPY. Exits 1 on a mismatch. */
    public static void main(String[] args) throws IOException {
        long first = Long.parseLong(args[0]);
        long second = Long.parseLong(args[1]);
        String problem = check(first, second);
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
    }

    /** Reads the first COPY's data in full, lets the reader skip the second; null if all is as expected. */
    static String check(long first, long second) throws IOException {
        try (ScriptReader reader = new ScriptReader(new GeneratedCopyScript(first, second))) {
            Optional<ScriptStatement> copy = reader.next();
            if (copy.isEmpty() || copy.get().kind() != StatementKind.COPY_FROM_STDIN) {
                return "expected the first COPY, got " + copy;
            }
            CRC32 crc = new CRC32();
            long bytes = 0;
            byte[] chunk = new byte[65536];
            InputStream data = reader.copyData();
            int n;
            while ((n = data.read(chunk)) >= 0) {
                crc.update(chunk, 0, n);
                bytes += n;
            }
            if (bytes != GeneratedCopyScript.dataBytes(first) || crc.getValue() != GeneratedCopyScript.dataChecksum(first)) {
                return "COPY data differs: " + bytes + " bytes read, " + GeneratedCopyScript.dataBytes(first) + " written";
            }
            Optional<ScriptStatement> skipped = reader.next();
            if (skipped.isEmpty() || !skipped.get().sql().equals("COPY u FROM stdin;")) {
                return "expected the second COPY, got " + skipped;
            }
            Optional<ScriptStatement> last = reader.next();
            long line = GeneratedCopyScript.lastLine(first, second);
            if (last.isEmpty() || !last.get().sql().equals("SELECT 1;") || last.get().line() != line) {
                return "expected SELECT 1; at line " + line + ", got " + last;
            }
            return reader.next().isPresent() ? "expected the end of the script" : null;
        }
    }
}
