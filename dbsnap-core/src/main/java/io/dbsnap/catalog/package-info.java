/**
 * The Catalog model: an immutable, server-independent description of the objects in the dumped
 * schemas. The dumper plans DDL from it, the diff compares two of them, restore verification
 * compares the server against it.
 */
package io.dbsnap.catalog;
