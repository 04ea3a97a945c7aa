package io.dbsnap.restore.script;

/**
 * One statement of a script, as {@link ScriptReader#next()} returns it.
 *
 * @param sql the statement's text from its first token through its terminating semicolon
 *     (included); the whitespace and comments before it are not part of it, comments inside it
 *     are. A final statement that the script ends without a semicolon has none (psql sends it
 *     all the same). For a {@link StatementKind#META_COMMAND} the line from the backslash on,
 *     without the line break.
 * @param number the 1-based position of the statement in the script, meta-commands included
 * @param line the 1-based line of the file on which the statement's first token stands
 * @param kind whether it is plain SQL, a {@code COPY ... FROM stdin} or a psql meta-command
 */
public record ScriptStatement(String sql, int number, int line, StatementKind kind) {
}
