package io.dbsnap.restore;

import io.dbsnap.restore.script.ScriptStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * Loads the rows of a table that the script itself created, earlier in the restore's transaction,
 * with {@code COPY ... FREEZE}: the rows are written frozen (and, from PostgreSQL 14, their pages
 * marked all-visible), so that no later query sets their hint bits and no vacuum rewrites them,
 * pages written once instead of up to three times.
 *
 * <p>The server refuses FREEZE (and the whole restore would roll back) unless the table was created
 * or truncated in the current subtransaction, is not a partitioned table, and no cursor is open; so
 * FREEZE is added only where all of these hold, and the COPY is left as the script has it otherwise:
 * <ul>
 * <li>only into a table a {@code CREATE TABLE schema.name} of this script created (not
 * {@code IF NOT EXISTS}, which may have created nothing), not one that existed before (an in-place
 * or data-only restore into existing tables), and not after the script renamed or moved a table
 * (the name may then mean another);</li>
 * <li>only an ordinary table, as the server's catalog says at the COPY ({@code relkind 'r'}): not a
 * partitioned one (its partitions, which are ordinary tables, are);</li>
 * <li>not after a {@code SAVEPOINT} in the script, nor on a connection whose driver wraps each
 * statement in a savepoint ({@code autosave}): the COPY would then run in a subtransaction other
 * than the table's; nor after a {@code DECLARE}, whose cursor may still be open;</li>
 * <li>only a plain {@code COPY name [(columns)] FROM stdin}, as pg_dump and dbsnap write it: a COPY
 * with options of its own is not rewritten.</li>
 * </ul>
 *
 * <p>As the COPY documentation says, frozen rows are visible to every snapshot once the transaction
 * commits, even to a repeatable-read transaction that started before the restore and reads the new
 * table afterwards (it would otherwise find it empty).
 */
final class CopyFreeze {

    private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")*\"|[^\\s.\"(;]+)";
    private static final String NAME = IDENTIFIER + "\\." + IDENTIFIER;
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?"
            + "(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?!IF\\s+NOT\\s+EXISTS\\b)(" + NAME + ")",
            Pattern.CASE_INSENSITIVE);
    /** {@code COPY name [(columns)] FROM stdin[;]}, the column names possibly quoted. */
    private static final Pattern PLAIN_COPY = Pattern.compile("COPY\\s+(" + NAME + ")(\\s*\\((?:\"(?:[^\"]|\"\")*\"|[^\")])*\\))?"
            + "\\s+FROM\\s+stdin\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern MOVES_TABLE = Pattern.compile("ALTER\\s+TABLE\\b.*\\b(RENAME|SET\\s+SCHEMA)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Connection connection;
    private final Set<TableName> created = new HashSet<>();
    /** Whether each created table looked up so far is an ordinary table, as the server says. */
    private final Map<TableName, Boolean> ordinary = new HashMap<>();
    private boolean possible;
    private int frozen;

    CopyFreeze(Connection connection) throws SQLException {
        this.connection = connection;
        this.possible = connection.unwrap(PGConnection.class).getAutosave() == AutoSave.NEVER;
    }

    /** Takes note of a statement the restore ran (or batched to run before the next COPY). */
    void ran(ScriptStatement statement) {
        if (!possible) {
            return;
        }
        String sql = statement.sql();
        String word = StatementBatch.firstWord(sql);
        if (word.equals("CREATE")) {
            Matcher m = CREATE_TABLE.matcher(sql);
            if (m.lookingAt()) {
                TableName.parse(m.group(1)).ifPresent(created::add);
            }
        } else if (word.equals("SAVEPOINT") || word.equals("DECLARE")) {
            possible = false;
        } else if (word.equals("ALTER") && MOVES_TABLE.matcher(sql).lookingAt()) {
            created.clear();
            ordinary.clear();
        }
    }

    /**
     * The COPY to run for {@code copy}: with FREEZE when that is safe, else as it is. Called when
     * every statement before it has run.
     */
    String copy(String copy) throws SQLException {
        if (!possible || created.isEmpty()) {
            return copy;
        }
        Matcher m = PLAIN_COPY.matcher(copy);
        if (!m.matches()) {
            return copy;
        }
        Optional<TableName> table = TableName.parse(m.group(1));
        if (table.isEmpty() || !created.contains(table.get()) || !isOrdinaryTable(table.get())) {
            return copy;
        }
        frozen++;
        return "COPY " + m.group(1) + (m.group(2) == null ? "" : m.group(2)) + " FROM stdin WITH (FREEZE);";
    }

    /** How many COPY statements were given FREEZE. */
    int frozen() {
        return frozen;
    }

    private boolean isOrdinaryTable(TableName table) throws SQLException {
        if (!ordinary.containsKey(table)) {
            lookUpCreatedTables();
        }
        return ordinary.getOrDefault(table, false);
    }

    /**
     * Asks the server, in one query, the kind of every table the script created that is not looked
     * up yet: a script creates its tables before its first COPY, so a restore asks once, not once
     * per table.
     */
    private void lookUpCreatedTables() throws SQLException {
        List<TableName> unknown = created.stream().filter(t -> !ordinary.containsKey(t)).toList();
        try (PreparedStatement s = connection.prepareStatement("SELECT t.schema, t.name, c.relkind = 'r'"
                + " FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])) AS t(schema, name)"
                + " LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema"
                + " LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.name")) {
            s.setArray(1, connection.createArrayOf("text", unknown.stream().map(TableName::schema).toArray()));
            s.setArray(2, connection.createArrayOf("text", unknown.stream().map(TableName::name).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // a table the server does not know (dropped since) is no candidate: getBoolean reads NULL as false
                    ordinary.put(new TableName(rs.getString(1), rs.getString(2)), rs.getBoolean(3));
                }
            }
        }
    }
}
