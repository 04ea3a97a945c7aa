/**
 * A directory of snapshots: file naming, atomic writing (optionally gzip-compressed) with YAML
 * metadata, listing, and reading back only what still matches its SHA-256.
 */
package io.dbsnap.store;
