package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The convergence corpus on the other supported majors, 13, 17 and 18 (their servers come from
 * Maven Central), in the default build: the whole corpus on every version would take too long for
 * CI, so each version runs a fixed sample, the same on every run: every case whose outcome
 * depends on the version ({@code migrations/version-sensitive.txt}), and cases drawn with a fixed
 * seed from the rest. The whole corpus on one version is {@link MigrationConvergenceTest} with
 * {@code -Ddbsnap.convergence.pg=17}. A case must converge unless it is a known gap of that version
 * ({@link KnownGaps#forMajor}), and a known gap must still fail.
 */
class MigrationConvergenceVersionsTest {

    /** Cases drawn at random (fixed seed) besides the version-sensitive ones. */
    static final int DRAWN = 20;
    static final long SEED = 22L;
    private static final int THREADS = 2;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 17, 18})
    void aFixedSampleConvergesOnEveryVersion(int version, @TempDir Path dir) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(String.valueOf(version));
        KnownGaps gaps = KnownGaps.forMajor(server.majorVersion());
        List<MigrationCase> sample = sample(MigrationCorpus.forServer(server.majorVersion()));
        assertThat(sample).hasSizeGreaterThanOrEqualTo(DRAWN);

        List<String> wrong = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int converged = 0;
        ConvergenceCheck check = new ConvergenceCheck(server, dir);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<ConvergenceOutcome>> outcomes = new ArrayList<>();
            for (MigrationCase c : sample) {
                outcomes.add(pool.submit(() -> check.run(c)));
            }
            for (Future<ConvergenceOutcome> future : outcomes) {
                ConvergenceOutcome outcome = future.get(30, TimeUnit.MINUTES);
                boolean known = gaps.contains(outcome.caseName());
                converged += outcome.converged() ? 1 : 0;
                lines.add((outcome.converged() ? "PASS " : "FAIL ") + outcome);
                if (outcome.verdict() == ConvergenceOutcome.Verdict.CASE_BROKEN || outcome.converged() == known) {
                    wrong.add((known ? "listed as a known gap but converges: " : "") + outcome);
                }
            }
        } finally {
            pool.shutdownNow();
            check.close();
        }
        String summary = String.format(Locale.ROOT, "convergence sample on PostgreSQL %d: %d cases, %d converged (%.1f%%)",
                server.majorVersion(), sample.size(), converged, 100.0 * converged / sample.size());
        System.out.println(summary);
        Path reports = Files.createDirectories(Path.of("target", "convergence"));
        Files.writeString(reports.resolve("sample-pg" + server.majorVersion() + ".txt"),
                summary + "\n\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertThat(wrong).as("cases of the sample on PostgreSQL %d", version).isEmpty();
    }

    @Test
    void theSampleIsFixedAndNamesOnlyCasesOfTheCorpus() {
        Set<String> names = new LinkedHashSet<>(MigrationCorpus.all().stream().map(MigrationCase::name).toList());
        assertThat(versionSensitive()).isNotEmpty().isSubsetOf(names);
        assertThat(sample(MigrationCorpus.forServer(17))).isEqualTo(sample(MigrationCorpus.forServer(17)))
                .hasSizeBetween(DRAWN, DRAWN + versionSensitive().size());
    }

    /** The version-sensitive cases of {@code cases}, then {@value #DRAWN} others drawn with a fixed seed. */
    static List<MigrationCase> sample(List<MigrationCase> cases) {
        Set<String> sensitive = versionSensitive();
        List<MigrationCase> sample = new ArrayList<>(cases.stream().filter(c -> sensitive.contains(c.name())).toList());
        List<MigrationCase> rest = new ArrayList<>(cases.stream().filter(c -> !sensitive.contains(c.name()))
                .sorted(Comparator.comparing(MigrationCase::name)).toList());
        Collections.shuffle(rest, new Random(SEED));
        sample.addAll(rest.subList(0, Math.min(DRAWN, rest.size())));
        return sample;
    }

    /** {@code migrations/version-sensitive.txt}: one case name per line, {@code #} comments. */
    static Set<String> versionSensitive() {
        try (InputStream in = MigrationConvergenceVersionsTest.class.getResourceAsStream("/migrations/version-sensitive.txt")) {
            Set<String> names = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> names.add(l.split("\\s+")[0]));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
