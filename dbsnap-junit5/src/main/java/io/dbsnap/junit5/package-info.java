/**
 * JUnit 5 support: {@link io.dbsnap.junit5.DbSnapshot} snapshots a test database once and puts it
 * back after each test class or test method, with the fast reset of {@code io.dbsnap.reset}.
 */
package io.dbsnap.junit5;
