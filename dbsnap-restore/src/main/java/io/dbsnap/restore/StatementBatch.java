package io.dbsnap.restore;

import io.dbsnap.restore.script.ScriptStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends DDL statements to the server in pipelined JDBC batches rather than one round trip each.
 * Only statements that never return rows can be batched (JDBC refuses results in a batch); the
 * rest run one at a time.
 */
final class StatementBatch {

    /** Leading keywords of statements that return no rows. */
    private static final Set<String> BATCHABLE = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "SET",
            "RESET", "SECURITY", "REFRESH", "TRUNCATE");
    private static final int MAX_STATEMENTS = 500;
    private static final int MAX_CHARACTERS = 1 << 20;
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");

    /** A statement of the batch failed; {@code statement} is the one the server refused, when known. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ScriptStatement statement;
        final SQLException cause;

        Failure(ScriptStatement statement, SQLException cause) {
            super(cause);
            this.statement = statement;
            this.cause = cause;
        }
    }

    private final Statement jdbc;
    private final List<ScriptStatement> pending = new ArrayList<>();
    private int characters;

    StatementBatch(Connection connection) throws SQLException {
        this.jdbc = connection.createStatement();
    }

    static boolean canBatch(String sql) {
        return BATCHABLE.contains(firstWord(sql));
    }

    static String firstWord(String sql) {
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(0, end).toUpperCase(Locale.ROOT);
    }

    void add(ScriptStatement statement) throws Failure {
        try {
            jdbc.addBatch(statement.sql());
        } catch (SQLException e) {
            throw new Failure(statement, e);
        }
        pending.add(statement);
        characters += statement.sql().length();
        if (pending.size() >= MAX_STATEMENTS || characters >= MAX_CHARACTERS) {
            flush();
        }
    }

    /** Runs one statement on its own, after what is pending. */
    void executeAlone(ScriptStatement statement) throws Failure {
        flush();
        try {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            throw new Failure(statement, e);
        }
    }

    void flush() throws Failure {
        if (pending.isEmpty()) {
            return;
        }
        try {
            jdbc.executeBatch();
        } catch (BatchUpdateException e) {
            // pgjdbc names the refused entry in its message; the server's error is the next exception
            Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
            int index = m.find() ? Integer.parseInt(m.group(1)) : -1;
            ScriptStatement failed = index >= 0 && index < pending.size() ? pending.get(index) : pending.get(0);
            throw new Failure(failed, e.getNextException() != null ? e.getNextException() : e);
        } catch (SQLException e) {
            throw new Failure(pending.get(0), e);
        } finally {
            pending.clear();
            characters = 0;
        }
    }

    void close() throws SQLException {
        jdbc.close();
    }
}
