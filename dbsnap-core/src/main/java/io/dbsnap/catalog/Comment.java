package io.dbsnap.catalog;

/**
 * A comment on an object.
 *
 * @param target the object as {@code COMMENT ON} names it, e.g. {@code TABLE public.users} or
 *               {@code COLUMN public.users.email}
 */
public record Comment(String target, String text) {
}
