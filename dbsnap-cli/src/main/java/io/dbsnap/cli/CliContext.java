package io.dbsnap.cli;

import java.io.PrintStream;
import java.time.Clock;

/**
 * What a command runs with, instead of reaching for the process's globals: the environment, the
 * terminal, stdout for its output and stderr for diagnostics and progress, and the clock.
 */
record CliContext(Environment environment, Terminal terminal, PrintStream out, PrintStream err, Clock clock) {
}
