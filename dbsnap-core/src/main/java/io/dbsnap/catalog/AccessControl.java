package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The privileges on an object (or one of its columns) that differ from the defaults; written only
 * when privileges are asked for.
 *
 * @param target the object as {@code GRANT ... ON} names it, e.g. {@code TABLE public.users}
 * @param column for column privileges, the column; the object's own list is then left alone
 * @param owner  the object's owner, whose own privileges are part of the list
 * @param grants the whole list, in the catalog's order
 */
public record AccessControl(String target, Optional<String> column, String owner, List<Grant> grants) {

    public AccessControl {
        grants = List.copyOf(grants);
    }
}
