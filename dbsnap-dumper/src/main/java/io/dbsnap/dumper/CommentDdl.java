package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.SecurityLabel;

/**
 * Writes {@code COMMENT ON} and {@code SECURITY LABEL}: one statement for any kind of object, which
 * the reader names as these statements do ({@link ObjectTargets}).
 */
final class CommentDdl {

    private CommentDdl() {
    }

    static String comment(Comment c) {
        return "COMMENT ON " + c.target() + " IS " + Literals.string(c.text()) + ";";
    }

    static String securityLabel(SecurityLabel l) {
        return "SECURITY LABEL FOR " + quote(l.provider()) + " ON " + l.target() + " IS " + Literals.string(l.label()) + ";";
    }

    static String noComment(Comment c) {
        return "COMMENT ON " + c.target() + " IS NULL;";
    }

    static String noSecurityLabel(SecurityLabel l) {
        return "SECURITY LABEL FOR " + quote(l.provider()) + " ON " + l.target() + " IS NULL;";
    }
}
