package io.dbsnap.dumper;

/**
 * What became of one case of the convergence corpus.
 *
 * @param caseName the case
 * @param verdict  whether the plan turned A into B
 * @param detail   for a case that did not converge, the first check that failed, in words
 */
record ConvergenceOutcome(String caseName, Verdict verdict, String detail) {

    enum Verdict {
        /** the plan ran in one transaction and A became B with its rows */
        CONVERGED,
        /** the plan failed (and was rolled back), or A after it differs from B in schema or rows */
        DIVERGED,
        /** a side of the case does not load: a bug in the case, never a known gap */
        CASE_BROKEN
    }

    static ConvergenceOutcome converged(String caseName) {
        return new ConvergenceOutcome(caseName, Verdict.CONVERGED, "");
    }

    static ConvergenceOutcome diverged(String caseName, String detail) {
        return new ConvergenceOutcome(caseName, Verdict.DIVERGED, detail);
    }

    static ConvergenceOutcome broken(String caseName, String detail) {
        return new ConvergenceOutcome(caseName, Verdict.CASE_BROKEN, detail);
    }

    boolean converged() {
        return verdict == Verdict.CONVERGED;
    }

    /** The detail on one line, for the report and the known-gaps list. */
    String shortDetail() {
        String line = detail.replaceAll("\\s+", " ").strip()
                .replace("SchemaDiff of A after the plan against B is not empty: Diff of before → after ", "SchemaDiff: ");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    @Override
    public String toString() {
        return caseName + ": " + verdict + (detail.isEmpty() ? "" : " - " + detail);
    }
}
