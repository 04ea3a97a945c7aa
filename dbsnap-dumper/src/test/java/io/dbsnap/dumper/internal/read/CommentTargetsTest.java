package io.dbsnap.dumper.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Comment;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comments read through {@link ObjectTargets}, which plans only the branches of the catalogs
 * that hold comments on user objects: none when there are none, and the objects with OIDs below
 * FirstNormalObjectId that can still be dumped (the public schema, a large object whose OID
 * lo_create chose) are not lost. pg_dump, and the targets written out by hand, are the oracles.
 */
class CommentTargetsTest {

    @Test
    void aDatabaseWithoutCommentsOnItsObjectsHasNone() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("no_comments")) {
            db.execute("CREATE TABLE t (id int PRIMARY KEY); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            assertThat(PgDump.run(db, "--schema-only")).doesNotContain("COMMENT ON");
            assertThat(comments(db)).isEmpty();
        }
    }

    @Test
    void commentsOnEveryKindOfTargetAreRead() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("comment_targets")) {
            db.execute("""
                    COMMENT ON SCHEMA public IS 'the default schema, described';
                    CREATE SCHEMA app;
                    CREATE TABLE app.items (id int CONSTRAINT items_pk PRIMARY KEY, name text);
                    COMMENT ON TABLE app.items IS 'a table';
                    COMMENT ON COLUMN app.items.name IS 'a column';
                    COMMENT ON CONSTRAINT items_pk ON app.items IS 'a constraint';
                    CREATE FUNCTION app.twice(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 2';
                    COMMENT ON FUNCTION app.twice(int) IS 'a function';
                    CREATE TYPE app.mood AS ENUM ('ok');
                    COMMENT ON TYPE app.mood IS 'a type';
                    SELECT pg_catalog.lo_create(1000);
                    COMMENT ON LARGE OBJECT 1000 IS 'a large object below FirstNormalObjectId';
                    """);
            List<String> expected = List.of(
                    "COLUMN app.items.name: a column",
                    "CONSTRAINT items_pk ON app.items: a constraint",
                    "FUNCTION app.twice(integer): a function",
                    "LARGE OBJECT 1000: a large object below FirstNormalObjectId",
                    "SCHEMA public: the default schema, described",
                    "TABLE app.items: a table",
                    "TYPE app.mood: a type");
            // pg_dump writes the same comments (large objects only with their data)
            String pgDump = PgDump.run(db);
            for (String line : expected) {
                String target = line.substring(0, line.indexOf(':'));
                String text = line.substring(line.indexOf(": ") + 2);
                assertThat(pgDump).as(target).contains("COMMENT ON " + target + " IS '" + text + "';");
            }
            assertThat(comments(db)).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> comments(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return CatalogReader.allSchemas().read(c).comments().stream().map(CommentTargetsTest::line).toList();
        }
    }

    private static String line(Comment comment) {
        return comment.target() + ": " + comment.text();
    }
}
