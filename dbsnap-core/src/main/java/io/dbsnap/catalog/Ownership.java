package io.dbsnap.catalog;

/**
 * Who owns an object; written only when owners are asked for.
 *
 * @param target the object as {@code ALTER ... OWNER TO} names it, e.g. {@code TABLE public.users}
 *               or {@code FUNCTION public.f(integer)}
 * @param owner  the owning role
 */
public record Ownership(String target, String owner) {
}
