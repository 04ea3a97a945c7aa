/**
 * A real, throwaway PostgreSQL for tests and demos.
 *
 * <p>{@link io.dbsnap.testkit.PostgresServer#shared()} gives the JVM's server, chosen in this
 * order: the URL in {@code DBSNAP_TEST_URL}; the version named by {@code DBSNAP_TEST_PG_VERSION}
 * (binaries from Maven Central); local PostgreSQL binaries. {@link
 * io.dbsnap.testkit.PostgresServer#embedded(String)} starts a chosen major version from Maven
 * Central. In JUnit 5 tests, {@link io.dbsnap.testkit.PostgresTest} gives each test class a fresh
 * database.
 *
 * <p>Two fidelity oracles compare databases: {@link io.dbsnap.testkit.PgDump} (the machine's
 * {@code pg_dump}) and {@link io.dbsnap.testkit.CatalogOracle} (catalog queries, for any server
 * from 12 to 18).
 *
 * <p>{@link io.dbsnap.testkit.Skip} is how a test leaves out a check it cannot make on this
 * machine: a failure on CI, a skip with its reason elsewhere. {@link io.dbsnap.testkit.Corpus}
 * finds the shared sample databases for the tests of the Maven profile {@code corpus}.
 */
package io.dbsnap.testkit;
