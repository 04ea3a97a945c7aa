package io.dbsnap.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Snapshots a test database once and puts it back to that snapshot after each test class, or
 * after each test method.
 *
 * <pre>{@code
 * @DbSnapshot(reset = ResetMode.AFTER_EACH_TEST)
 * class OrderServiceTest {
 *     @SnapshotDatabase
 *     static DataSource database = TestDatabases.migrated();   // migrations already applied
 *
 *     @Test
 *     void placesAnOrder(DataSource db) { ... }                 // changes rows; put back after the test
 * }
 * }</pre>
 *
 * <p>When: the snapshot is taken once per database and JVM, right before the first test that
 * uses the database runs (after that class's {@code @BeforeAll} methods), or from a named
 * snapshot with {@link #from()}. Every later class starts from it too: a class finding the
 * database changed by someone else resets it first.
 *
 * <p>How: a fast reset ({@link io.dbsnap.reset.FastReset}) reloads only the tables a test
 * changed and sets back the sequences it moved, in one transaction; a test that changed the
 * structure (created a table, altered a column) costs a full restore of the snapshot instead.
 *
 * <p>Test methods (and {@code @BeforeEach} methods) may take the database as a
 * {@link javax.sql.DataSource} parameter, and the snapshot as an {@link io.dbsnap.Snapshot}.
 *
 * <p>Test classes running in parallel need a database each: a class that finds its database
 * held by another running class (in this JVM or another) fails at once, naming it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DbSnapshotExtension.class)
public @interface DbSnapshot {

    /** When to reset: after each class (the default) or after each test method. */
    ResetMode reset() default ResetMode.AFTER_CLASS;

    /**
     * The database, as a JDBC or {@code postgresql://} URL; empty to use the
     * {@link SnapshotDatabase} member of the test class.
     */
    String url() default "";

    /**
     * A snapshot to restore into the database before it is captured: a label, a number of the
     * listing or a file name in {@link #directory()} (as {@code Snapshots.in(dir).get(...)} takes
     * them); empty to capture the database as the tests find it.
     */
    String from() default "";

    /** The snapshot directory {@link #from()} is read from; empty for {@code $DBSNAP_DIR}, else {@code ./snapshots}. */
    String directory() default "";

    /**
     * Check after each reset that the database equals the snapshot (its catalog read again and
     * compared by the schema diff, every table's rows by count and digest, see
     * {@link io.dbsnap.reset.FastReset#verify()}) and fail the test otherwise. Slow; for
     * suspicious minds and for dbsnap's own tests.
     */
    boolean verify() default false;
}
