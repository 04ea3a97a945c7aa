/**
 * A directory of snapshots: file naming, atomic writing (optionally gzip-compressed) with YAML
 * metadata, and listing.
 */
package io.dbsnap.store;
