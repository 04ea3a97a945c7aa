package io.dbsnap.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The unified diff of two texts, line by line (java-diff-utils): for whole DDL scripts and for
 * long values inside a report (a view's query, a function's body).
 */
final class LineDiff {

    private LineDiff() {
    }

    /**
     * The unified diff with {@code context} lines around each change, starting with the
     * {@code --- beforeName} and {@code +++ afterName} lines; no lines at all for equal texts.
     */
    static List<String> unified(String beforeName, List<String> before, String afterName, List<String> after, int context) {
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        return UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, before, patch, context);
    }

    /** The hunks of the diff of two values (no file header lines), with two lines of context. */
    static List<String> hunks(String before, String after) {
        List<String> lines = unified("before", lines(before), "after", lines(after), 2);
        return lines.isEmpty() ? lines : lines.subList(2, lines.size());
    }

    /** A long value's change as a line diff, or its lines marked {@code +} or {@code -} when one side has none. */
    static List<String> of(Difference difference) {
        if (difference.before().isEmpty()) {
            return lines(difference.after().get()).stream().map(l -> "+" + l).toList();
        }
        if (difference.after().isEmpty()) {
            return lines(difference.before().get()).stream().map(l -> "-" + l).toList();
        }
        return hunks(difference.before().get(), difference.after().get());
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }
}
