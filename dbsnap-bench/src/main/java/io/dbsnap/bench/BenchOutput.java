package io.dbsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a benchmark's output goes: progress to stderr, the Markdown report to a file and stdout. */
final class BenchOutput {

    private BenchOutput() {
    }

    static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }

    static void publish(Path outputDir, String fileName, String markdown) throws IOException {
        Path reportFile = outputDir.resolve(fileName);
        Files.writeString(reportFile, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Written to " + reportFile.toAbsolutePath());
    }
}
