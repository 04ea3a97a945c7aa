package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Comment;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the comments on dumped objects in one query. */
public final class CommentReader {

    private CommentReader() {
    }

    public static List<Comment> read(CatalogQuery query) throws SQLException {
        List<Comment> comments = new ArrayList<>(ObjectTargets.list(query, "pg_catalog.pg_description d", "d.description",
                rs -> new Comment(rs.getString("target"), rs.getString("payload"))));
        comments.addAll(subscriptions(query));
        return comments;
    }

    /**
     * The comments on the current database's subscriptions: shared objects, yet their comments live
     * in pg_description. Only when the subscriptions themselves are read.
     */
    private static List<Comment> subscriptions(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase() || !SubscriptionReader.superuser(query)) {
            return List.of();
        }
        return query.listDatabaseWide("SELECT 'SUBSCRIPTION ' || pg_catalog.quote_ident(s.subname) AS target, d.description"
                        + " FROM pg_catalog.pg_description d JOIN pg_catalog.pg_subscription s ON s.oid = d.objoid"
                        + " WHERE d.classoid = 'pg_catalog.pg_subscription'::pg_catalog.regclass"
                        + " AND s.subdbid = (SELECT x.oid FROM pg_catalog.pg_database x WHERE x.datname = pg_catalog.current_database())"
                        + " ORDER BY s.subname COLLATE \"C\"",
                rs -> new Comment(rs.getString("target"), rs.getString("description")));
    }
}
