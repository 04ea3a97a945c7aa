/**
 * The JUnit 5 extension. It finds the test's database in its fields and methods by reflection, so a
 * modular test suite opens its test packages to this module (as it does to JUnit).
 */
// pgjdbc has no descriptor, only an Automatic-Module-Name; the name ends in a digit as its package does
@SuppressWarnings({"requires-automatic", "module"})
module io.dbsnap.junit5 {
    requires transitive io.dbsnap.reset;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    // pgjdbc's PGSimpleDataSource is a javax.naming.Referenceable
    requires java.naming;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.dbsnap.junit5;
}
