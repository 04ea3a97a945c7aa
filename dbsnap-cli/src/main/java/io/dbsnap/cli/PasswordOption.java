package io.dbsnap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The password of {@code --password-file FILE}: its first line, without the line break, as a
 * secret mounted by Docker or Kubernetes holds it. Messages name the file, never what is in it.
 */
final class PasswordOption {

    private PasswordOption() {
    }

    /** @throws UsageException when the file is missing, unreadable or holds no password */
    static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("The password file " + file + " (--password-file) does not exist.");
        } catch (IOException e) {
            throw new UsageException("The password file " + file + " (--password-file) cannot be read: "
                    + e.getClass().getSimpleName() + ". Check its permissions.");
        }
        int end = text.indexOf('\n');
        String password = end < 0 ? text : text.substring(0, end);
        if (password.endsWith("\r")) {
            password = password.substring(0, password.length() - 1);
        }
        if (password.isEmpty()) {
            throw new UsageException("The password file " + file + " (--password-file) is empty: its first line is"
                    + " the password.");
        }
        return password;
    }
}
