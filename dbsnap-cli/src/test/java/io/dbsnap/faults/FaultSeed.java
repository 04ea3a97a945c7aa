package io.dbsnap.faults;

import java.util.Random;

/**
 * The seed every fault point is drawn from: fixed, so that a failure can be run again exactly
 * ({@code -Ddbsnap.faults.seed=N} picks another), and printed in the test output.
 */
final class FaultSeed {

    static final long SEED = Long.getLong("dbsnap.faults.seed", 19L);

    private FaultSeed() {
    }

    /** A generator of its own for each case, so that adding a case does not move the others' points. */
    static Random random(String faultCase) {
        System.out.printf("fault seed %d for %s (run again with -Ddbsnap.faults.seed=%d)%n", SEED, faultCase, SEED);
        return new Random(SEED * 31 + faultCase.hashCode());
    }
}
