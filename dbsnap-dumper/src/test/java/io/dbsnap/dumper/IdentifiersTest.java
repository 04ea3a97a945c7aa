package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Identifiers;
import io.dbsnap.testkit.PostgresTest;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our quoting must agree with the server's own quote_ident, the oracle here. */
@PostgresTest
class IdentifiersTest {

    @Test
    void quotesLikeTheServerForAwkwardNames(TestDatabase db) throws SQLException {
        List<String> names = List.of("users", "Users", "user", "order", "a b", "a\"b", "_x", "x1", "1x", "x$",
                "naïve", "日本", "", "select", "public", "name", "text", "current_user");
        for (String name : names) {
            assertThat(Identifiers.quote(name)).as(name).isEqualTo(serverQuote(db, name));
        }
    }

    @Test
    void quotesEveryKeywordTheServerQuotes(TestDatabase db) throws SQLException {
        List<String> keywords = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT word FROM pg_get_keywords()");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                keywords.add(rs.getString(1));
            }
        }
        assertThat(keywords).hasSizeGreaterThan(400);
        for (String word : keywords) {
            String server = serverQuote(db, word);
            if (!server.equals(Identifiers.quote(word))) {
                // we quote the keywords of all supported versions; this server may not know them all
                assertThat(server).as(word).isEqualTo(word);
                assertThat(Identifiers.quote(word)).as(word).isEqualTo('"' + word + '"');
            }
        }
    }

    private static String serverQuote(TestDatabase db, String name) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT quote_ident(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
