/**
 * The dumper: reads a database's catalog and writes its DDL and data. The API is
 * {@code io.dbsnap.dumper} (the entry points), {@code io.dbsnap.dump} (what a dump is asked and
 * gives) and {@code io.dbsnap.migration} (a migration plan's values); the {@code internal}
 * packages are the dumper's steps.
 */
// pgjdbc has no descriptor, only an Automatic-Module-Name; io.dbsnap.restore is compiled after this module
@SuppressWarnings({"requires-automatic", "module"})
module io.dbsnap.dumper {
    requires transitive io.dbsnap.core;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.dbsnap.dump;
    exports io.dbsnap.dumper;
    exports io.dbsnap.migration;

    // The restorer replays a plan exactly (ExactRestore) and names the holders of a lock it waits
    // for; no module of users' code may reach these.
    exports io.dbsnap.dumper.internal.ddl to io.dbsnap.restore;
    exports io.dbsnap.dumper.internal.plan to io.dbsnap.restore;
    exports io.dbsnap.dumper.internal.read to io.dbsnap.restore;
}
