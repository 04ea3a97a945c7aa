package io.dbsnap.dumper;

import java.util.List;

/**
 * One A/B pair of the convergence corpus ({@code src/test/resources/migrations/*.sql}): the SQL
 * of database A, the SQL of database B, and the rows loaded into A's tables (into A only).
 *
 * @param name         unique in the corpus: the file's kind and the case's name, e.g. {@code tables.add_column}
 * @param a            the SQL of side A
 * @param b            the SQL of side B
 * @param rows         SQL run on A after {@code a}, inserting rows
 * @param roles        roles the case needs; roles are cluster-wide, so the harness creates them
 *                     once (the sides cannot both create them)
 * @param minimumMajor the oldest server major version the case's syntax loads on
 */
record MigrationCase(String name, String a, String b, String rows, List<String> roles, int minimumMajor) {

    MigrationCase {
        roles = List.copyOf(roles);
    }

    /** The kind of object the case is about: the name of its file. */
    String kind() {
        return name.substring(0, name.indexOf('.'));
    }

    /** Whether both sides are the same SQL: the plan must then be empty. */
    boolean identical() {
        return a.strip().equals(b.strip());
    }

    @Override
    public String toString() {
        return name;
    }
}
