package io.dbsnap.dumper;

/** One statement of a script, ending with a semicolon, and the section it belongs to. */
public record PlannedStatement(Section section, String sql) {
}
