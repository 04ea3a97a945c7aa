/** A directory of snapshots: file naming, atomic writing and listing. */
package io.dbsnap.store;
