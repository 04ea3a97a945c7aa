/**
 * The structural diff: {@link io.dbsnap.diff.SchemaDiff} compares two catalogs (from snapshots'
 * {@code catalog.json} files or read from databases) into a {@link io.dbsnap.diff.DiffReport} of
 * objects added, removed and changed, with risk flags and, for snapshots with data, row count
 * changes; rendered for people ({@link io.dbsnap.diff.DiffText}), pull requests
 * ({@link io.dbsnap.diff.DiffMarkdown}) and tools ({@link io.dbsnap.diff.DiffJson}), with the raw
 * unified diff of DDL texts beside it ({@link io.dbsnap.diff.UnifiedDdlDiff}). It never touches
 * a server.
 */
package io.dbsnap.diff;
