package io.dbsnap.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Progress of a long dump or restore on stderr, read from a {@link ScriptMeter} by a thread of its
 * own: tables done of the total, rows, bytes, rate and an estimate of the time left.
 *
 * <p>On a terminal it redraws one line a few times a second and erases it at the end. Elsewhere
 * (a CI log, a file) it stays quiet for short work and prints a plain line every
 * {@link #LOG_INTERVAL} for long work, so that a log shows it is alive without filling up.
 */
final class ProgressDisplay implements AutoCloseable {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(15);
    private static final Duration REDRAW_INTERVAL = Duration.ofMillis(250);

    private final PrintStream err;
    private final boolean redraw;
    private final String task;
    private final ScriptMeter meter;
    private final OptionalLong totalBytes;
    private final OptionalInt totalTables;
    private final Supplier<Optional<String>> lockWait;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private int drawnWidth;

    /**
     * @param task        what is being done, such as {@code snapshot pre_migration}
     * @param totalBytes  the bytes the script will have, when known (a restore knows its file's size)
     * @param totalTables the tables with rows, when known (a restore knows them from the metadata);
     *                    otherwise a dump counts the tables its script creates
     */
    private ProgressDisplay(CliContext context, String task, ScriptMeter meter, OptionalLong totalBytes,
                            OptionalInt totalTables, Supplier<Optional<String>> lockWait) {
        this.lockWait = lockWait;
        this.err = context.err();
        this.redraw = context.terminal().progressBar();
        this.task = task;
        this.meter = meter;
        this.totalBytes = totalBytes;
        this.totalTables = totalTables;
        this.thread = new Thread(this::report, "dbsnap-progress");
        this.thread.setDaemon(true);
    }

    static ProgressDisplay start(CliContext context, String task, ScriptMeter meter, OptionalLong totalBytes,
                                 OptionalInt totalTables) {
        return start(context, task, meter, totalBytes, totalTables, Optional::empty);
    }

    /**
     * @param lockWait what the work waits for, asked while no byte has gone through yet (such as
     *                 {@code table app.orders (held by server process 4242)}): the line says
     *                 "waiting for a lock on" it instead of "preparing"
     */
    static ProgressDisplay start(CliContext context, String task, ScriptMeter meter, OptionalLong totalBytes,
                                 OptionalInt totalTables, Supplier<Optional<String>> lockWait) {
        ProgressDisplay display = new ProgressDisplay(context, task, meter, totalBytes, totalTables, lockWait);
        display.thread.start();
        return display;
    }

    private void report() {
        long interval = (redraw ? REDRAW_INTERVAL : LOG_INTERVAL).toMillis();
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            String line = lineAt(System.nanoTime());
            synchronized (this) {
                if (redraw) {
                    String padded = line + " ".repeat(Math.max(0, drawnWidth - line.length()));
                    err.print("\r" + padded);
                    drawnWidth = line.length();
                } else {
                    err.println(line);
                }
                err.flush();
            }
        }
    }

    /**
     * The line at {@code now} (a {@link System#nanoTime()}): the rate is measured from when the
     * meter saw the first byte, leaving out the preparation (checksum, locks, safety snapshot).
     */
    String lineAt(long now) {
        return line(Duration.ofNanos(now - start), meter.streaming(now));
    }

    /**
     * One progress line, such as {@code snapshot pre_migration: 12/40 tables, 1,204 rows, 12.3 MB, 4.1 MB/s, ETA 0:07, 0:03}.
     *
     * @param elapsed   since the work started
     * @param streaming since the first byte of the script went through
     */
    String line(Duration elapsed, Duration streaming) {
        long bytes = meter.bytes();
        if (bytes == 0) {
            return task + ": " + lockWait.get().map(object -> "waiting for a lock on " + object + "...")
                    .orElse("preparing...") + " " + Units.clock(elapsed);
        }
        List<String> parts = new ArrayList<>();
        int tables = tablesTotal();
        if (tables > 0) {
            parts.add(Math.min(meter.tablesDone(), tables) + "/" + tables + " tables");
        }
        parts.add(SnapshotReport.plural(meter.rows(), "row"));
        parts.add(totalBytes.isPresent() && totalBytes.getAsLong() > 0
                ? Units.bytes(bytes) + " of " + Units.bytes(totalBytes.getAsLong()) : Units.bytes(bytes));
        double seconds = Math.max(streaming.toMillis() / 1000.0, 0.001);
        parts.add(Units.bytes((long) (bytes / seconds)) + "/s");
        eta(bytes, seconds, tables).ifPresent(left -> parts.add("ETA " + Units.clock(Duration.ofSeconds(left))));
        parts.add(Units.clock(elapsed));
        return task + ": " + String.join(", ", parts);
    }

    private int tablesTotal() {
        return totalTables.orElse(meter.tablesCreated());
    }

    /** Seconds left, from the bytes when the total is known, else from the tables; empty before either tells. */
    private OptionalLong eta(long bytes, double seconds, int tables) {
        if (totalBytes.isPresent() && totalBytes.getAsLong() >= bytes) {
            double rate = bytes / seconds;
            return OptionalLong.of(Math.round((totalBytes.getAsLong() - bytes) / rate));
        }
        int done = meter.tablesDone();
        if (tables > 0 && done > 0 && done < tables) {
            return OptionalLong.of(Math.round(seconds / done * (tables - done)));
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (redraw && drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
            }
        }
    }
}
