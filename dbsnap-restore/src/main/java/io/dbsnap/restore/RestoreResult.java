package io.dbsnap.restore;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a restore did.
 *
 * @param statements  the statements sent to the server, COPY statements included; not what the file holds that
 *                    a restore skips: its own {@code BEGIN}/{@code COMMIT}, {@code SET lock_timeout} when the
 *                    restore keeps its own, psql meta-commands such as {@code \restrict}
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
