package io.dbsnap.restore.script;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a PostgreSQL script statement by statement, as {@code psql -f} would, without holding
 * the file in memory: dbsnap's snapshots and plain-format pg_dump files (12 to 18), UTF-8.
 *
 * <pre>{@code
 * try (ScriptReader reader = ScriptReader.open(file)) {
 *     Optional<ScriptStatement> next;
 *     while ((next = reader.next()).isPresent()) {
 *         ScriptStatement statement = next.get();
 *         switch (statement.kind()) {
 *             case SQL -> jdbc.execute(statement.sql());
 *             case COPY_FROM_STDIN -> copyManager.copyIn(statement.sql(), reader.copyData());
 *             case META_COMMAND -> decide(statement.sql());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>What it follows: quoted strings ({@code '...'}, {@code E'...'}, {@code U&'...'},
 * {@code B'...'}, {@code X'...'}, {@code N'...'}), quoted identifiers, dollar quoting, nested
 * comments, parentheses and {@code BEGIN ATOMIC ... END} function bodies; a semicolon outside
 * all of them ends a statement. It assumes {@code standard_conforming_strings} is on until the
 * script sets it (pg_dump always writes the setting). A last statement without a semicolon is
 * returned too, as psql sends it; whitespace and comments at the end are not a statement.
 *
 * <p>Not thread-safe. Closing the reader closes the stream it reads.
 */
public final class ScriptReader implements AutoCloseable {

    /** Large enough that reads from a file or a gzip stream are few; statements may be longer. */
    static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    /**
     * The longest statement read, in bytes (1 GiB, PostgreSQL's own limit for a value): its bytes
     * are held in one array, whose int index must not overflow. COPY rows stream and have no limit.
     */
    public static final int DEFAULT_MAX_STATEMENT_BYTES = 1 << 30;

    private final ScriptInput input;
    private final StatementLexer lexer;
    private boolean started;
    private int statements;
    private CopyDataStream copy;

    /** Reads UTF-8 SQL from {@code in}, which the reader closes when it is closed. */
    public ScriptReader(InputStream in) {
        this(in, DEFAULT_BUFFER_SIZE);
    }

    /** With a chosen buffer size (at least 4 bytes), for tests of the buffer's edges. */
    ScriptReader(InputStream in, int bufferSize) {
        this(in, bufferSize, DEFAULT_MAX_STATEMENT_BYTES);
    }

    /** With a chosen buffer size and statement cap, for tests of both. */
    ScriptReader(InputStream in, int bufferSize, int maxStatementBytes) {
        this.input = new ScriptInput(in, bufferSize, maxStatementBytes);
        this.lexer = new StatementLexer(input);
    }

    /**
     * Opens a script file, plain or gzip-compressed (recognized by its first bytes, whatever
     * its name).
     *
     * @throws DbSnapException when the file cannot be opened
     */
    public static ScriptReader open(Path file) {
        InputStream raw = null;
        try {
            raw = Files.newInputStream(file);
            return new ScriptReader(Compression.decompressing(raw));
        } catch (IOException e) {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new DbSnapException("Could not open the script " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next statement, or empty at the end of the script. Skips the rest of the previous
     * statement's COPY data if the caller did not read it all.
     *
     * @throws io.dbsnap.errors.ScriptSyntaxException when the script cannot be split (see its message)
     * @throws DbSnapException when the script cannot be read
     */
    public Optional<ScriptStatement> next() {
        try {
            if (!started) {
                started = true;
                input.skipByteOrderMark();
            }
            if (copy != null) {
                copy.skipRest();
                copy = null;
            }
            int first = lexer.skipSpaceAndComments();
            if (first < 0) {
                return Optional.empty();
            }
            int number = ++statements;
            ScriptStatement statement = first == '\\' ? lexer.metaCommand(number) : lexer.statement(number);
            if (statement.kind() == StatementKind.COPY_FROM_STDIN) {
                copy = new CopyDataStream(input, statement.line());
            }
            return Optional.of(statement);
        } catch (IOException e) {
            throw new DbSnapException("Could not read the script: " + e.getMessage(), e);
        }
    }

    /**
     * The rows that follow the {@code COPY ... FROM stdin} statement {@link #next()} returned
     * last, in COPY text format, up to (not including) the {@code \.} line; for pgjdbc's
     * {@code CopyManager.copyIn(sql, stream)}. The stream reads from this reader's buffer and is
     * good until the next call of {@link #next()}. When the script ends before the {@code \.}
     * line, reading it throws {@link io.dbsnap.errors.ScriptSyntaxException}.
     *
     * @throws IllegalStateException when the last statement was no {@code COPY ... FROM stdin}
     */
    public InputStream copyData() {
        if (copy == null) {
            throw new IllegalStateException("copyData() follows a statement of kind COPY_FROM_STDIN; the last"
                    + " statement read was none");
        }
        return copy;
    }

    /** Closes the stream the script is read from. */
    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw new DbSnapException("Could not close the script: " + e.getMessage(), e);
        }
    }
}
