package io.dbsnap.catalog;

/** {@code ALTER INDEX parent ATTACH PARTITION child}: a partition's index under its parent's. */
public record IndexAttachment(QualifiedName parent, QualifiedName child) {
}
