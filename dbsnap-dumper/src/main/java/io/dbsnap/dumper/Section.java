package io.dbsnap.dumper;

/**
 * The three parts of a dump, as in pg_dump: what holds data is created first, the data is
 * loaded, and what is faster to build over loaded data (indexes, keys, triggers) comes last.
 */
public enum Section {
    PRE_DATA, DATA, POST_DATA
}
