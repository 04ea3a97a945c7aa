package io.dbsnap.testkit;

import java.util.function.UnaryOperator;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a test of this project may leave out a check it cannot make here: pg_dump older
 * than the server it would judge, a server of a version without the feature, a server given by
 * {@code DBSNAP_TEST_URL} whose files are not ours. On CI ({@code CI=true}, which {@code .ci/run}
 * exports) such a skip fails the test, because CI must check everything; elsewhere the skip is
 * logged as a warning (on stderr with the tests' SLF4J binding), naming what was left out and why,
 * so that it is never silent.
 */
public final class Skip {

    /** The environment variable that CI services (and {@code .ci/run}) set to {@code true}. */
    public static final String CI_VARIABLE = "CI";

    private static final Logger LOG = LoggerFactory.getLogger(Skip.class);

    private final UnaryOperator<String> environment;

    Skip(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    private static Skip standard() {
        return new Skip(System::getenv);
    }

    /**
     * Skips the rest of the test (as a JUnit assumption does) unless {@code condition} holds.
     *
     * @param what the check left out, e.g. "the pg_dump round trip of PostgreSQL 18"
     * @param why  why it cannot run here, e.g. "pg_dump 15 refuses servers newer than itself"
     * @throws AssertionError        on CI, when {@code condition} is false
     * @throws TestAbortedException elsewhere, when {@code condition} is false
     */
    public static void unless(boolean condition, String what, String why) {
        standard().testUnless(condition, what, why);
    }

    /**
     * For a part of a test: whether to run it. When {@code condition} is false, fails on CI and
     * elsewhere logs the part as skipped and returns false, so the rest of the test goes on.
     *
     * @throws AssertionError on CI, when {@code condition} is false
     */
    public static boolean partUnless(boolean condition, String what, String why) {
        return standard().runPart(condition, what, why);
    }

    void testUnless(boolean condition, String what, String why) {
        if (!runPart(condition, what, why)) {
            throw new TestAbortedException("Skipped " + what + ": " + why);
        }
    }

    boolean runPart(boolean condition, String what, String why) {
        if (condition) {
            return true;
        }
        if (onCi()) {
            throw new AssertionError("On CI (" + CI_VARIABLE + "=true) no check may be skipped, but " + what
                    + " cannot run: " + why + ". Give the CI machine what the check needs.");
        }
        LOG.warn("Skipped {}: {} (on CI, with {}=true, this fails the test)", what, why, CI_VARIABLE);
        return false;
    }

    boolean onCi() {
        String value = environment.apply(CI_VARIABLE);
        return value != null && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }
}
