package io.dbsnap.restore.script;

/** What a {@link ScriptStatement} is, and so how a restorer runs it. */
public enum StatementKind {

    /** A SQL statement to send to the server as it is. */
    SQL,

    /**
     * {@code COPY ... FROM stdin} (or {@code FROM stdout}, which the server takes the same way):
     * its rows follow it in the script and are read through {@link ScriptReader#copyData()}.
     */
    COPY_FROM_STDIN,

    /**
     * A psql backslash command on a line of its own, such as {@code \connect db} or the
     * {@code \restrict KEY} and <code>&#92;unrestrict KEY</code> that pg_dump writes since 17.6 (and 13.22,
     * 14.19, 15.14, 16.10); the text is the whole line without its line break.
     */
    META_COMMAND
}
