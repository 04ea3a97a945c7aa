/** The fast reset of a test database, {@code FastReset}, built on the fluent API. */
@SuppressWarnings("requires-automatic") // pgjdbc has no descriptor, only an Automatic-Module-Name
module io.dbsnap.reset {
    requires transitive io.dbsnap;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.dbsnap.reset;
}
