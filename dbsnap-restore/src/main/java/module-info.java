/**
 * Restores and migrations ({@code io.dbsnap.restore}) and the streaming reader of SQL scripts
 * ({@code io.dbsnap.restore.script}), whose statements a migration report names. Both packages
 * keep their internals package-private.
 */
@SuppressWarnings("requires-automatic") // pgjdbc has no descriptor, only an Automatic-Module-Name
module io.dbsnap.restore {
    requires transitive io.dbsnap.dumper;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.dbsnap.restore;
    exports io.dbsnap.restore.script;
}
