package io.dbsnap.dumper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cases of the convergence corpus the planner is known not to handle yet
 * ({@code migrations/known-gaps.txt}): one case name per line, then its reason; {@code #} starts a
 * comment line. A listed case must fail, so the list shrinks as the planner learns.
 */
record KnownGaps(Map<String, String> reasons) {

    static final String RESOURCE = "/migrations/known-gaps.txt";

    static KnownGaps load() {
        return load(RESOURCE, true);
    }

    /**
     * The known gaps on PostgreSQL {@code major}: those of {@code known-gaps.txt} (found on 15) and
     * those only that version has ({@code known-gaps-pg<major>.txt}, when there is one).
     */
    static KnownGaps forMajor(int major) {
        Map<String, String> reasons = new LinkedHashMap<>(load().reasons());
        reasons.putAll(load("/migrations/known-gaps-pg" + major + ".txt", false).reasons());
        return new KnownGaps(Map.copyOf(reasons));
    }

    private static KnownGaps load(String resource, boolean required) {
        try (InputStream in = KnownGaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (!required) {
                    return new KnownGaps(Map.of());
                }
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownGaps parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            if (reasons.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                throw new IllegalStateException(RESOURCE + " lists " + parts[0] + " twice");
            }
        }
        return new KnownGaps(Map.copyOf(reasons));
    }

    boolean contains(String caseName) {
        return reasons.containsKey(caseName);
    }
}
