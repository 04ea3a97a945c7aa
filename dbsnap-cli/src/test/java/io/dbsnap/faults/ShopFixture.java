package io.dbsnap.faults;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** The fault suite's databases: templates that each fault point copies, so that every point starts alike. */
final class ShopFixture {

    private ShopFixture() {
    }

    /** A database with the shop schema and its rows (state A). */
    static TestDatabase shop(PostgresServer server, String hint) throws SQLException {
        TestDatabase db = server.createDatabase(hint);
        db.execute(resource("shop.sql"));
        db.execute("ANALYZE");
        return db;
    }

    /** The shop after a session's changes to rows and a sequence (state B). */
    static TestDatabase changedShop(PostgresServer server, String hint) throws SQLException {
        TestDatabase db = shop(server, hint);
        db.execute(changes());
        return db;
    }

    static String changes() {
        return resource("shop-changes.sql");
    }

    static String migration() {
        return resource("migration.sql");
    }

    static String resource(String name) {
        try (InputStream in = ShopFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
