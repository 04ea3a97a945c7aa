package io.dbsnap.restore;

import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.restore.script.StatementKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes the statements the server refuses inside a transaction block ("... cannot run inside
 * a transaction block"), so that a migration, which runs as one transaction, can refuse them
 * before anything runs instead of failing halfway.
 *
 * <p>It reads the statement's opening keywords only; the lexer has already taken the comments
 * before a statement off, and the keywords that matter come before any string or body.
 *
 * @param statement the statement of the script
 * @param what      what it is, for messages: {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...
 */
public record NonTransactionalStatement(ScriptStatement statement, String what) {

    private record Shape(String what, Pattern pattern) {
        Shape(String what, String regex) {
            this(what, Pattern.compile(regex, Pattern.DOTALL));
        }
    }

    /** Tried in order; each pattern reads the upper-cased statement with its whitespace collapsed. */
    private static final List<Shape> SHAPES = List.of(
            new Shape("CREATE INDEX CONCURRENTLY", "^CREATE (UNIQUE )?INDEX CONCURRENTLY\\b.*"),
            new Shape("DROP INDEX CONCURRENTLY", "^DROP INDEX CONCURRENTLY\\b.*"),
            new Shape("REINDEX CONCURRENTLY", "^REINDEX\\b[^'\"$]*\\bCONCURRENTLY\\b.*"),
            new Shape("REINDEX DATABASE", "^REINDEX (\\([^)]*\\) ?)?DATABASE\\b.*"),
            new Shape("REINDEX SYSTEM", "^REINDEX (\\([^)]*\\) ?)?SYSTEM\\b.*"),
            new Shape("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                    "^ALTER TABLE\\b[^'\"$]*\\bDETACH PARTITION\\b[^'\"$]*\\bCONCURRENTLY\\b.*"),
            new Shape("VACUUM", "^VACUUM\\b.*"),
            new Shape("CLUSTER of every table", "^CLUSTER( VERBOSE)? ?;?$"),
            new Shape("CREATE DATABASE", "^CREATE DATABASE\\b.*"),
            new Shape("DROP DATABASE", "^DROP DATABASE\\b.*"),
            new Shape("ALTER DATABASE ... SET TABLESPACE", "^ALTER DATABASE\\b[^'\"$]*\\bSET TABLESPACE\\b.*"),
            new Shape("CREATE TABLESPACE", "^CREATE TABLESPACE\\b.*"),
            new Shape("DROP TABLESPACE", "^DROP TABLESPACE\\b.*"),
            new Shape("ALTER SYSTEM", "^ALTER SYSTEM\\b.*"),
            new Shape("CREATE SUBSCRIPTION", "^CREATE SUBSCRIPTION\\b.*"),
            new Shape("DROP SUBSCRIPTION", "^DROP SUBSCRIPTION\\b.*"),
            new Shape("ALTER SUBSCRIPTION ... REFRESH PUBLICATION",
                    "^ALTER SUBSCRIPTION\\b[^'\"$]*\\bREFRESH PUBLICATION\\b.*"));

    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** The statement as one the server would refuse in a transaction block, or empty when it is not one. */
    public static Optional<NonTransactionalStatement> of(ScriptStatement statement) {
        if (statement.kind() != StatementKind.SQL) {
            return Optional.empty();
        }
        String text = SPACE.matcher(statement.sql().toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
        for (Shape shape : SHAPES) {
            if (shape.pattern().matcher(text).matches()) {
                return Optional.of(new NonTransactionalStatement(statement, shape.what()));
            }
        }
        return Optional.empty();
    }

    /** {@code statement 3 (line 12): CREATE INDEX CONCURRENTLY}. */
    public String describe() {
        return "statement " + statement.number() + " (line " + statement.line() + "): " + what;
    }
}
