/**
 * Restoring snapshots: {@link io.dbsnap.restore.Restorer} runs a script in one transaction, read
 * by the streaming lexer of {@link io.dbsnap.restore.script}.
 */
package io.dbsnap.restore;
