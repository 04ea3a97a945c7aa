/**
 * The fluent API, {@code Snapshots} and {@code Snapshot}: the one module a user requires. It reads
 * the modules whose types its API returns (the model, the store, the diff, restore reports).
 */
@SuppressWarnings("requires-automatic") // pgjdbc has no descriptor, only an Automatic-Module-Name
module io.dbsnap {
    requires transitive io.dbsnap.restore;
    // pgjdbc's PGSimpleDataSource is a javax.naming.Referenceable
    requires java.naming;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.dbsnap;
}
