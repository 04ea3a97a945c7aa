package io.dbsnap.dumper.internal.plan;

import io.dbsnap.dump.Section;

/** One statement of a script, ending with a semicolon, and the section it belongs to. */
public record PlannedStatement(Section section, String sql) {
}
