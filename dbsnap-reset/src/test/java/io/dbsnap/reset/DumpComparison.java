package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/** Compares two pg_dump outputs and, when they differ, fails with their unified diff rather than both dumps. */
public final class DumpComparison {

    private DumpComparison() {
    }

    /** The same text, line for line: the same objects, and the same rows in the same physical order. */
    public static void assertSameDump(String actual, String expected) {
        if (actual.equals(expected)) {
            return;
        }
        List<String> before = expected.lines().toList();
        List<String> after = actual.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", before,
                DiffUtils.diff(before, after), 2);
        fail("pg_dump differs from the expected one:\n" + String.join("\n", diff));
    }

    /**
     * The same objects and the same rows, in whatever physical order: the rows of each COPY block
     * are sorted before the texts are compared (a row is one line in COPY's text format).
     */
    public static void assertSameDumpInAnyRowOrder(String actual, String expected) {
        assertSameDump(rowsSorted(actual), rowsSorted(expected));
    }

    private static String rowsSorted(String dump) {
        List<String> out = new ArrayList<>();
        List<String> rows = null;
        for (String line : dump.lines().toList()) {
            if (rows != null && line.equals("\\.")) {
                rows.sort(null);
                out.addAll(rows);
                rows = null;
            }
            if (rows != null) {
                rows.add(line);
            } else {
                out.add(line);
                if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                    rows = new ArrayList<>();
                }
            }
        }
        return String.join("\n", out);
    }
}
