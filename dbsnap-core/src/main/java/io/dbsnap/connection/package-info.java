/**
 * Reaching a database: connection URLs in the JDBC and libpq forms, libpq's environment and
 * password file, the address a snapshot records (never a password), and {@link
 * io.dbsnap.connection.Transaction}, which runs work all or nothing.
 */
package io.dbsnap.connection;
