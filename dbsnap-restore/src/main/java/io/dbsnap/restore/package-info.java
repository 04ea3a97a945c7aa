/** Restoring snapshots: the streaming script reader and the one-transaction restorer (coming with the restore issue). */
package io.dbsnap.restore;
