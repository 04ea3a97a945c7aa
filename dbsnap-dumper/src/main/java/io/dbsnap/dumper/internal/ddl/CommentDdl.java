package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.SecurityLabel;
import io.dbsnap.dumper.internal.read.ObjectTargets;
import io.dbsnap.dumper.internal.sql.Literals;

/**
 * Writes {@code COMMENT ON} and {@code SECURITY LABEL}: one statement for any kind of object, which
 * the reader names as these statements do ({@link ObjectTargets}).
 */
public final class CommentDdl {

    private CommentDdl() {
    }

    public static String comment(Comment c) {
        return "COMMENT ON " + c.target() + " IS " + Literals.string(c.text()) + ";";
    }

    public static String securityLabel(SecurityLabel l) {
        return "SECURITY LABEL FOR " + quote(l.provider()) + " ON " + l.target() + " IS " + Literals.string(l.label()) + ";";
    }

    public static String noComment(Comment c) {
        return "COMMENT ON " + c.target() + " IS NULL;";
    }

    public static String noSecurityLabel(SecurityLabel l) {
        return "SECURITY LABEL FOR " + quote(l.provider()) + " ON " + l.target() + " IS NULL;";
    }
}
