package io.dbsnap.restore;

import java.time.Duration;

/**
 * What a restore did.
 *
 * @param statements the statements run, COPY statements and skipped ones included
 * @param rows       the rows loaded by COPY
 * @param elapsed    from the first statement to the commit
 */
public record RestoreResult(int statements, long rows, Duration elapsed) {
}
