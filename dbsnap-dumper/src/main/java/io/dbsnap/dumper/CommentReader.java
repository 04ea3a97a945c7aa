package io.dbsnap.dumper;

import io.dbsnap.catalog.Comment;
import java.sql.SQLException;
import java.util.List;

/** Reads the comments on dumped objects in one query. */
final class CommentReader {

    private CommentReader() {
    }

    static List<Comment> read(CatalogQuery query) throws SQLException {
        return query.list(ObjectTargets.sql(query, "pg_catalog.pg_description d", "d.description"),
                rs -> new Comment(rs.getString(1), rs.getString(2)));
    }
}
