package io.dbsnap.cli;

import io.dbsnap.restore.RestorePlan;

/** The part of a restore's plan that says what it loses, for the text printed before a restore. */
final class RestoreLosses {

    /** What the command line says to restore a schema-only snapshot over tables that hold rows. */
    static final String DISCARD_DATA = "--discard-data";

    private RestoreLosses() {
    }

    /** @param discardData whether {@value #DISCARD_DATA} was given */
    static String of(RestorePlan plan, boolean discardData) {
        StringBuilder text = new StringBuilder("What will be lost:\n");
        if (plan.losesNothing()) {
            text.append("  - no table is left empty and no object dropped; changes made since the snapshot are replaced"
                    + " by its state\n");
            return text.toString();
        }
        for (String line : plan.losses()) {
            text.append(line.startsWith(" ") ? "    " + line.strip() : "  - " + line).append('\n');
        }
        if (plan.emptiesTablesWithRows()) {
            text.append(discardData ? "  (" + DISCARD_DATA + " was given: their rows are discarded)\n"
                    : "  (refused unless " + DISCARD_DATA + " is given)\n");
        }
        return text.toString();
    }
}
