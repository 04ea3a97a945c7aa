package io.dbsnap.junit5;

import io.dbsnap.errors.LockNotAvailableException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which test class uses which database right now, in this JVM: two classes running in parallel
 * on one database would reset it under each other's feet, so the second one is refused with the
 * first one's name. (Across JVMs, the advisory lock {@link io.dbsnap.reset.FastReset} holds does
 * the same, without the name.)
 */
final class DatabaseClaims {

    private static final Map<String, Class<?>> HOLDERS = new HashMap<>();

    private DatabaseClaims() {
    }

    /** Claims {@code database} for {@code testClass}, or fails naming the class that holds it. */
    static synchronized void claim(String database, Class<?> testClass) {
        Class<?> holder = HOLDERS.putIfAbsent(database, testClass);
        if (holder != null && holder != testClass) {
            throw new LockNotAvailableException("Test class " + testClass.getName() + " cannot use database " + database
                    + ": test class " + holder.getName() + " is using it right now, and both reset it. Test classes"
                    + " that run in parallel need a database each (or run these two in the same thread:"
                    + " @Execution(SAME_THREAD) / @ResourceLock(\"" + database + "\")).", null);
        }
    }

    static synchronized void release(String database, Class<?> testClass) {
        HOLDERS.remove(database, testClass);
    }
}
