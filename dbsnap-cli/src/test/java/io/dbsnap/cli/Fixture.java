package io.dbsnap.cli;

import io.dbsnap.testkit.SampleSchemas;

/** A small schema whose objects were counted by hand, as the seeds' report counts them. */
final class Fixture {

    /** 2 tables, 2 functions, 1 policy (also 1 view, 1 trigger, 1 sequence, 1 type, 1 index); 3 users, 3 audit rows. */
    static final String SCHEMA = SampleSchemas.counted();

    private Fixture() {
    }
}
