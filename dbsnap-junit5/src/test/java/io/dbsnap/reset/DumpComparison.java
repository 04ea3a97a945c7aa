package io.dbsnap.reset;

import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** Compares two pg_dump outputs and, when they differ, fails with their unified diff rather than both dumps. */
public final class DumpComparison {

    private DumpComparison() {
    }

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
}
