package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The privileges on an object (or one of its columns) that differ from the defaults.
 *
 * @param target  the object as {@code GRANT ... ON} names it, e.g. {@code TABLE public.users}
 * @param column  for column privileges, the column; the object's own list is then left alone
 * @param owner   the object's owner, whose own privileges are part of the list
 * @param grants  the whole list, in the catalog's order
 * @param initial for an object that comes with the database or with an extension (schema
 *                {@code public}, an extension's functions), the list it was created with
 *                ({@code pg_init_privs}, else the built-in default): the script then changes
 *                only what differs from it, as pg_dump does, since the object is not created by
 *                the script but by {@code initdb} or {@code CREATE EXTENSION}
 */
public record AccessControl(String target, Optional<String> column, String owner, List<Grant> grants,
                            Optional<List<Grant>> initial) {

    public AccessControl {
        grants = List.copyOf(grants);
        initial = initial.map(List::copyOf);
    }

    /** The privileges of an object the script creates itself. */
    public AccessControl(String target, Optional<String> column, String owner, List<Grant> grants) {
        this(target, column, owner, grants, Optional.empty());
    }
}
