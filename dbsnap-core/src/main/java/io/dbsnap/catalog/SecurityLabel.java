package io.dbsnap.catalog;

/**
 * A security label on an object.
 *
 * @param target as for {@link Comment#target()}
 */
public record SecurityLabel(String target, String provider, String label) {
}
