package io.dbsnap.errors;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A database could not be reached: wrong address, user, password or database name, or a server
 * that is down. Nothing was changed. The message names what was tried (never a password) and
 * what to check; {@link #sqlState()} is the server's or the driver's code.
 */
public class ConnectionFailedException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param what  the database as the user knows it, e.g. {@code app@db:5432/shop}
     * @param cause what pgjdbc said, whose messages name the user and host, never the password
     */
    public ConnectionFailedException(String what, SQLException cause) {
        super("Could not connect to " + what + ": " + cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + "). "
                + hint(cause.getSQLState()) + " Nothing was changed.", cause);
        this.sqlState = cause.getSQLState();
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    private static String hint(String sqlState) {
        if (sqlState == null) {
            return "Check the URL, the user and the password.";
        }
        return switch (sqlState) {
            case "28P01", "28000" -> "Check the user and the password (in the URL, --password-file, PGPASSWORD or"
                    + " the password file ~/.pgpass).";
            case "3D000" -> "Check the database name in the URL; the database does not exist on that server.";
            case "08001", "08004", "08006" -> "Check that the server is running and accepts connections at the"
                    + " URL's host and port.";
            default -> "Check the URL, the user and the password.";
        };
    }
}
