package io.dbsnap.restore.script;

import io.dbsnap.errors.ScriptSyntaxException;
import java.util.Set;

/**
 * The psql meta-commands a script may hold: those pg_dump and pg_dumpall write. Running them is
 * the restorer's business; here an unknown one stops the reading, since skipping it could change
 * what the script means.
 */
final class MetaCommands {

    /** {@code \connect} (and its short form) for pg_dump --create; {@code \restrict} and <code>&#92;unrestrict</code> since pg_dump 17.6. */
    private static final Set<String> KNOWN = Set.of("c", "connect", "restrict", "unrestrict");

    private MetaCommands() {
    }

    /** The command's name: what follows the backslash up to a blank or another backslash. */
    static String name(String line) {
        int end = 1;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '\\') {
            end++;
        }
        return line.substring(1, end);
    }

    /** @throws ScriptSyntaxException unless {@code line} is a meta-command pg_dump writes */
    static void check(String line, int lineNumber) {
        String name = name(line);
        if (name.equals(".")) {
            throw new ScriptSyntaxException(lineNumber, "\\. outside COPY data: it ends the rows of a COPY ... FROM"
                    + " stdin, but no COPY comes before it. Was the COPY statement above it lost or changed?");
        }
        if (!KNOWN.contains(name)) {
            throw new ScriptSyntaxException(lineNumber, "the psql command \\" + name + " is not supported; dbsnap runs"
                    + " the meta-commands pg_dump writes (\\connect, \\restrict, \\unrestrict). Remove it from the script"
                    + " or run the script with psql.");
        }
    }
}
