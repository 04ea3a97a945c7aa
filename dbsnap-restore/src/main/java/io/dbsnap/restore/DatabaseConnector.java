package io.dbsnap.restore;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to a named database of the same server, as the same user. */
@FunctionalInterface
public interface DatabaseConnector {

    Connection connect(String database) throws SQLException;
}
