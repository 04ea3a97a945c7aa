package io.dbsnap.dump;

import io.dbsnap.catalog.QualifiedName;

/**
 * What a dump wrote of one table's rows, counted and hashed while they streamed by, so that a
 * restore can be verified without reading the snapshot again.
 *
 * @param rows   the number of rows
 * @param sha256 the SHA-256 of the rows in COPY text format, as hex
 */
public record TableData(QualifiedName table, long rows, String sha256) {
}
