package io.dbsnap.dump;

/**
 * The parts of a dump, as in pg_dump: the drops of a clean script, what holds data is created
 * next, the data is loaded, and what is faster to build over loaded data (indexes, keys,
 * triggers) comes last.
 */
public enum Section {
    CLEAN, PRE_DATA, DATA, POST_DATA
}
