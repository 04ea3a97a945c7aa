/** dbsnap: snapshots of PostgreSQL databases in pure Java. */
package io.dbsnap;
