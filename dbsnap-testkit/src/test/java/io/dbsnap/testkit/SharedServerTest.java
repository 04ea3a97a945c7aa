package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@PostgresTest
class SharedServerTest {

    @Test
    void givesTheClassAFreshEmptyDatabase(TestDatabase db) throws SQLException {
        assertThat(db.name()).startsWith("t_sharedservertest_");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), "
                     + "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getLong(2)).isZero();
        }
    }

    @Test
    void runsRealSqlThroughTheDataSource(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(v, ',' ORDER BY id) FROM t")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("a,b");
        }
    }

    @Test
    void theServerNeverRunsAsRoot(TestDatabase db) throws Exception {
        String url = System.getenv(PostgresServer.URL_VARIABLE);
        Skip.unless(url == null || url.isBlank(), "theServerNeverRunsAsRoot",
                PostgresServer.URL_VARIABLE + " names a server someone else runs: its files are not ours to inspect");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            Path dataDir = Path.of(rs.getString(1));
            assertThat((Integer) Files.getAttribute(dataDir, "unix:uid")).isNotZero();
        }
    }

    @Test
    void sameServerForTheWholeJvm() {
        assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
        assertThat(PostgresServer.shared().majorVersion()).isBetween(12, 18);
    }
}
