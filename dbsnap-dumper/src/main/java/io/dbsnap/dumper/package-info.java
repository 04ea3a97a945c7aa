/**
 * Reads a database's catalog into the {@link io.dbsnap.catalog.Catalog} model and writes the SQL
 * that recreates it. Readers, planner and writers are kept apart, as pg_dump keeps
 * {@code getTables}, its sort and {@code dumpTable} apart.
 */
package io.dbsnap.dumper;
