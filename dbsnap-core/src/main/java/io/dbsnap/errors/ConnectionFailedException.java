package io.dbsnap.errors;

import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Objects;
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
        super("Could not connect to " + what + ": " + reason(cause) + " (SQLSTATE " + cause.getSQLState() + "). "
                + hint(cause) + " Nothing was changed.", cause);
        this.sqlState = cause.getSQLState();
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /**
     * What went wrong: pgjdbc's message, unless the cause it hides is plainer ("The connection
     * attempt failed." stands for a host name that does not resolve, among others).
     */
    private static String reason(SQLException cause) {
        return unknownHost(cause).map(host -> "unknown host " + host).orElse(cause.getMessage());
    }

    /** The host name that did not resolve, when that is why: an {@link UnknownHostException} in the cause chain. */
    private static Optional<String> unknownHost(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof UnknownHostException unknown) {
                // its message is the name, sometimes followed by the resolver's ": Name or service not known"
                String message = Objects.requireNonNullElse(unknown.getMessage(), "");
                int colon = message.indexOf(": ");
                return Optional.of(colon < 0 ? message : message.substring(0, colon)).filter(h -> !h.isBlank());
            }
        }
        return Optional.empty();
    }

    private static String hint(SQLException cause) {
        if (unknownHost(cause).isPresent()) {
            return "Check the host name in the URL (a typo?) and that this machine's DNS knows it.";
        }
        return hint(cause.getSQLState());
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
