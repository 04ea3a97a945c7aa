package io.dbsnap.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh database of its own on a real PostgreSQL, dropped after
 * the class; test methods, constructors and {@code @BeforeAll} methods receive it as a
 * {@link TestDatabase} parameter.
 *
 * <pre>{@code
 * @PostgresTest
 * class MyTest {
 *     @Test
 *     void works(TestDatabase db) throws SQLException {
 *         db.execute("CREATE TABLE t (id int)");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {

    /**
     * A PostgreSQL version to start from Maven Central ("17", "13", "17.6.0"); empty for the
     * JVM's shared server (see {@link PostgresServer#shared()}).
     */
    String version() default "";
}
