package io.dbsnap.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpq's password file ({@code ~/.pgpass}, or {@code $PGPASSFILE}): lines of
 * {@code hostname:port:database:username:password}, {@code *} matching anything in the first four
 * fields, {@code \:} and {@code \\} for a colon and a backslash, {@code #} starting a comment. The
 * first line that matches gives the password.
 *
 * <p>As libpq does, a file that others than its owner may read (group or world permissions, more
 * than 0600) is ignored with a warning, and so is anything but a regular file.
 */
final class PasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PasswordFile() {
    }

    /** The password {@code file} holds for this connection; empty when none matches or the file is not used. */
    static Optional<String> lookup(Path file, String host, int port, String database, String user) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            LOG.warn("password file \"{}\" is not a plain file; it is not used", file);
            return Optional.empty();
        }
        List<String> lines;
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                // of the file itself, also through a link, as libpq's stat() sees it
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(OTHERS::contains)) {
                    // libpq's own words, so that the fix people find for it applies
                    LOG.warn("password file \"{}\" has group or world access; permissions should be u=rw (0600) or"
                            + " less. It is not used.", file);
                    return Optional.empty();
                }
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("password file \"{}\" cannot be read ({}); it is not used", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
        String[] wanted = {host, Integer.toString(port), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields, wanted)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> fields, String[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (!fields.get(i).equals("*") && !fields.get(i).equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }

    /** The fields of one line, escapes resolved; the fifth (the password) runs to the end of the line. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean last = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && !last) {
                fields.add(field.toString());
                field.setLength(0);
                last = fields.size() == 4;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
