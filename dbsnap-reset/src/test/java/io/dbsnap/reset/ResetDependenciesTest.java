package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.Snapshot;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reset stands on the fluent API and the core's types only: no compiled class of
 * {@code io.dbsnap.reset} refers to a type of the dumper ({@code io.dbsnap.dumper}) or of the
 * restorer ({@code io.dbsnap.restore}), not even through a method's return type it never names
 * (a {@code var}, a chained call): every type a class uses is written, as {@code io/dbsnap/...},
 * into its constant pool, which is what this reads.
 */
class ResetDependenciesTest {

    private static final List<String> INTERNALS = List.of("io/dbsnap/dumper/", "io/dbsnap/restore/");

    @Test
    void noClassOfTheResetRefersToTheDumperOrTheRestorer() throws Exception {
        Path classes = Path.of(FastReset.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/dbsnap/reset");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                scanned++;
                // ISO-8859-1 maps each byte to one char: the constant pool's ASCII names read as they are
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String internal : INTERNALS) {
                    if (bytes.contains(internal)) {
                        found.add(file.getFileName() + " uses " + internal);
                    }
                }
            }
        }
        assertThat(scanned).as("classes of io.dbsnap.reset in " + classes).isGreaterThan(5);
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckSeesAReferenceToTheRestorerWhereThereIsOne() throws Exception {
        // the facade's Snapshot returns restore types (restoreTo): the same reading must find them
        String bytes;
        try (InputStream in = Snapshot.class.getResourceAsStream("Snapshot.class")) {
            bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(bytes).contains("io/dbsnap/restore/RestoreReport");
    }
}
