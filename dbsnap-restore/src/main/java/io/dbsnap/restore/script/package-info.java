/**
 * Reading SQL scripts as psql would: {@link io.dbsnap.restore.script.ScriptReader} splits a
 * PostgreSQL script (a dbsnap snapshot or a plain pg_dump file) into statements, psql
 * meta-commands and streamed {@code COPY ... FROM stdin} data, without loading the file.
 */
package io.dbsnap.restore.script;
