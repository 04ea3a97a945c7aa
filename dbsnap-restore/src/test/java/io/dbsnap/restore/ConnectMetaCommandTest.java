package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * psql's {@code \connect DBNAME USER}: the same database with another user cannot be honoured by
 * one connection in one transaction, so it is refused rather than run as the wrong user.
 */
class ConnectMetaCommandTest {

    private static RestoreResult restore(Connection c, String script) {
        return new Restorer().restore(c, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean exists(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void connectingToTheSameDatabaseAsAnotherUserIsRefusedAndNothingChanges() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("connect_user");
             Connection c = db.connect()) {
            String script = "CREATE TABLE first (id int);\n\\connect " + db.name() + " someone_else\n"
                    + "CREATE TABLE second (id int);\n";
            assertThatThrownBy(() -> restore(c, script)).isInstanceOf(DbSnapException.class)
                    .hasMessageContaining("Line 2").hasMessageContaining("another user (someone_else)")
                    .hasMessageContaining("as user " + db.user());
            assertThat(exists(c, "first")).isFalse();

            // "-" keeps the user, and naming the user already connected changes nothing: both run
            restore(c, "\\connect " + db.name() + " -\nCREATE TABLE kept_user (id int);\n\\c " + db.name() + " "
                    + db.user() + "\nCREATE TABLE same_user (id int);\n");
            assertThat(exists(c, "kept_user")).isTrue();
            assertThat(exists(c, "same_user")).isTrue();
        }
    }
}
