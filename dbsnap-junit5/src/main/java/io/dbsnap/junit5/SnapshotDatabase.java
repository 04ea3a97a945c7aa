package io.dbsnap.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static field, or static method without parameters, of a {@link DbSnapshot} test
 * class (or a superclass, or an enclosing class) that gives the database to snapshot and reset.
 * Its value may be:
 * <ul>
 *   <li>a {@link javax.sql.DataSource};</li>
 *   <li>a {@link String}: a JDBC URL ({@code jdbc:postgresql://host:5432/db?user=...&password=...})
 *       or a libpq one ({@code postgresql://user:password@host:5432/db});</li>
 *   <li>a Testcontainers {@code PostgreSQLContainer} (anything with {@code getJdbcUrl()},
 *       {@code getUsername()} and {@code getPassword()}), started before the extension runs:
 *       register {@code @Testcontainers} before {@code @DbSnapshot};</li>
 *   <li>anything with a {@code dataSource()} method returning a {@code DataSource}, such as the
 *       testkit's {@code TestDatabase}.</li>
 * </ul>
 * A method is called once per test class; it is a good place for the suite's migrations when
 * they are idempotent (Flyway, Liquibase).
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SnapshotDatabase {
}
