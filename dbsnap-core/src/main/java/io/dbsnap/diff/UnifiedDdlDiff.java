package io.dbsnap.diff;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw view: the unified diff ({@code diff -u}) of two DDL texts, for those who want to read
 * the statements themselves rather than the structural report. Computed by java-diff-utils.
 */
public final class UnifiedDdlDiff {

    /** Lines of context around each change, as {@code diff -u} shows by default. */
    public static final int DEFAULT_CONTEXT = 3;

    /** What stands in for a snapshot's data section, which is not DDL. */
    static final String DATA_LEFT_OUT = "-- (data section left out)";

    private UnifiedDdlDiff() {
    }

    /**
     * The unified diff of two texts, headed {@code --- beforeName} and {@code +++ afterName},
     * with {@value #DEFAULT_CONTEXT} lines of context; the empty string when they are equal.
     */
    public static String between(String beforeName, String before, String afterName, String after) {
        return between(beforeName, before, afterName, after, DEFAULT_CONTEXT);
    }

    /** Like {@link #between(String, String, String, String)} with {@code context} lines of context. */
    public static String between(String beforeName, String before, String afterName, String after, int context) {
        return join(LineDiff.unified(beforeName, LineDiff.lines(before), afterName, LineDiff.lines(after), context));
    }

    /**
     * The unified diff of two stored snapshots' SQL, each checked against its metadata first
     * (size and SHA-256) and decompressed if it is gzip. The data section of a snapshot with data
     * (its {@code COPY} rows, sequence positions, large objects' contents) is left out: this is the
     * diff of the DDL.
     *
     * @throws io.dbsnap.errors.SnapshotCorruptException when a snapshot's file does not match its metadata
     * @throws DbSnapException                    when a file cannot be read
     */
    public static String ofSnapshots(SnapshotStore store, StoredSnapshot before, StoredSnapshot after) {
        List<String> first = ddlLines(store, before);
        List<String> second = ddlLines(store, after);
        return join(LineDiff.unified(before.sqlFile().getFileName().toString(), first,
                after.sqlFile().getFileName().toString(), second, DEFAULT_CONTEXT));
    }

    private static List<String> ddlLines(SnapshotStore store, StoredSnapshot snapshot) {
        try (InputStream in = store.openVerified(snapshot)) {
            return withoutData(in);
        } catch (IOException e) {
            throw new DbSnapException("Could not read snapshot " + snapshot.sqlFile() + ": " + e, e);
        }
    }

    /**
     * The lines of a dbsnap script without its data section: from the section heading
     * ({@code --}, {@code -- data}, {@code --}) to the heading of the post-data section, skipping
     * {@code COPY} rows whole so that a row reading like a heading is not taken for one.
     */
    static List<String> withoutData(InputStream script) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        boolean inData = false;
        boolean inCopy = false;
        String previous = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (inCopy) {
                inCopy = !line.equals("\\.");
            } else if (inData) {
                if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                    inCopy = true;
                } else if (line.equals("-- post-data") && "--".equals(previous)) {
                    inData = false;
                    lines.add("--");
                    lines.add(line);
                }
            } else if (line.equals("-- data") && "--".equals(previous)) {
                inData = true;
                lines.add(line);
                lines.add(DATA_LEFT_OUT);
            } else {
                lines.add(line);
            }
            previous = line;
        }
        return lines;
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
