package io.dbsnap.dumper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the convergence corpus: every {@code migrations/*.sql} resource, one file per object kind,
 * holding cases in this form (the marker lines are exact; any other line, comments included, is
 * SQL of the part it is in):
 *
 * <pre>
 * -- case: add_column
 * -- roles: conv_owner_a conv_owner_b      (optional: roles the case uses)
 * -- requires: 15                          (optional: the oldest major version it loads on)
 * -- A
 * CREATE TABLE t (id int PRIMARY KEY);
 * -- B
 * CREATE TABLE t (id int PRIMARY KEY, note text);
 * -- rows
 * INSERT INTO t VALUES (1), (2);
 * </pre>
 *
 * {@code -- B: same as A} instead of a B part makes B the same SQL as A (a case whose plan must be
 * empty).
 */
final class MigrationCorpus {

    private static final String SAME_AS_A = "-- B: same as A";

    private MigrationCorpus() {
    }

    /** Every case of the corpus, in file and then file order. */
    static List<MigrationCase> all() {
        List<MigrationCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files()) {
            String kind = file.getFileName().toString().replaceFirst("\\.sql$", "");
            try {
                for (MigrationCase c : parse(kind, Files.readString(file, StandardCharsets.UTF_8))) {
                    if (!names.add(c.name())) {
                        throw new IllegalStateException("two cases named " + c.name() + " in " + file);
                    }
                    cases.add(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    /** The cases whose syntax a server of {@code major} loads. */
    static List<MigrationCase> forServer(int major) {
        return all().stream().filter(c -> c.minimumMajor() <= major).toList();
    }

    private static List<Path> files() {
        URL dir = MigrationCorpus.class.getResource("/migrations");
        if (dir == null) {
            throw new IllegalStateException("no migrations/ directory on the test class path");
        }
        try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
            return list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MigrationCase> parse(String kind, String text) {
        List<MigrationCase> cases = new ArrayList<>();
        CaseBuilder current = null;
        StringBuilder part = null;
        for (String line : text.split("\n", -1)) {
            String marker = line.strip();
            if (marker.startsWith("-- case:")) {
                if (current != null) {
                    cases.add(current.build());
                }
                current = new CaseBuilder(kind + "." + marker.substring("-- case:".length()).strip());
                part = null;
            } else if (current == null) {
                continue;
            } else if (marker.startsWith("-- roles:")) {
                current.roles.addAll(Arrays.asList(marker.substring("-- roles:".length()).strip().split("\\s+")));
            } else if (marker.startsWith("-- requires:")) {
                current.minimumMajor = Integer.parseInt(marker.substring("-- requires:".length()).strip());
            } else if (marker.equals("-- A")) {
                part = current.a;
            } else if (marker.equals("-- B")) {
                part = current.b;
            } else if (marker.equals(SAME_AS_A)) {
                current.sameAsA = true;
                part = null;
            } else if (marker.equals("-- rows")) {
                part = current.rows;
            } else if (part != null) {
                part.append(line).append('\n');
            } else if (!marker.isEmpty() && !marker.startsWith("--")) {
                throw new IllegalStateException("SQL outside an A, B or rows part in case " + current.name + ": " + line);
            }
        }
        if (current != null) {
            cases.add(current.build());
        }
        return cases;
    }

    private static final class CaseBuilder {
        private final String name;
        private final StringBuilder a = new StringBuilder();
        private final StringBuilder b = new StringBuilder();
        private final StringBuilder rows = new StringBuilder();
        private final List<String> roles = new ArrayList<>();
        private int minimumMajor = 12;
        private boolean sameAsA;

        CaseBuilder(String name) {
            this.name = name;
        }

        MigrationCase build() {
            String bSql = sameAsA ? a.toString() : b.toString();
            if (!sameAsA && a.toString().isBlank() && bSql.isBlank()) {
                throw new IllegalStateException("case " + name + " has neither an A nor a B part");
            }
            return new MigrationCase(name, a.toString(), bSql, rows.toString(), roles, minimumMajor);
        }
    }
}
