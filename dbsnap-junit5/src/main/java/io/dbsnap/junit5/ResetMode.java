package io.dbsnap.junit5;

/** When {@link DbSnapshot} puts the database back to its snapshot. */
public enum ResetMode {
    /** After the last test of each test class (and its {@code @AfterAll} methods): tests of one class share their changes. */
    AFTER_CLASS,
    /** After each test method (and its {@code @AfterEach} methods): every test starts from the snapshot. */
    AFTER_EACH_TEST
}
