package io.dbsnap.restore;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a restore did.
 *
 * @param statements  the statements run, COPY statements and skipped ones included
 * @param rows        the rows loaded by COPY
 * @param rowsByTable the rows loaded per table, by the table's name as the COPY statement wrote it
 *                    (such as {@code public."Order"}), in the order loaded
 * @param elapsed     from the first statement to the commit
 */
public record RestoreResult(int statements, long rows, Map<String, Long> rowsByTable, Duration elapsed) {

    public RestoreResult {
        rowsByTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByTable));
    }
}
