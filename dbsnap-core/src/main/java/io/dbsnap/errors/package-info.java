/**
 * What can go wrong, in one hierarchy: every failure dbsnap reports is a
 * {@link io.dbsnap.errors.DbSnapException}, whose message says what was wrong and what to do;
 * the subtypes name the cases a caller may handle apart (a snapshot not found or corrupt, a lock
 * not available, a failed restore, missing roles, a script that cannot be split, ...).
 */
package io.dbsnap.errors;
