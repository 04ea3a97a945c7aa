package io.dbsnap.errors;

/**
 * A script that cannot be split into statements: it ends inside a quoted string, a comment or a
 * COPY block (a truncated file, usually), holds a psql command dbsnap does not run, or is not
 * UTF-8. The message names the line and says what to check.
 */
public class ScriptSyntaxException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ScriptSyntaxException(int line, String message) {
        super("Line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line of the script where the problem starts. */
    public int line() {
        return line;
    }
}
