package io.dbsnap.catalog;

/** {@code dependent} must be created after {@code referenced} (from {@code pg_depend}). */
public record Dependency(ObjectId dependent, ObjectId referenced) {
}
