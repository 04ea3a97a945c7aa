package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.Subscription;
import io.dbsnap.dumper.internal.sql.Literals;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the subscriptions of the current database. Only a superuser may read their connection
 * strings, so for anyone else there are none to dump (pg_dump skips them the same way, with a
 * warning); database-wide, so only when every schema is dumped.
 */
public final class SubscriptionReader {

    private SubscriptionReader() {
    }

    public static List<Subscription> read(CatalogQuery query) throws SQLException {
        if (!query.wholeDatabase() || !superuser(query)) {
            return List.of();
        }
        // the options as pg_dump's dumpSubscription writes them, where they differ from the defaults
        String binary = query.atLeast(14) ? "s.subbinary" : "false";
        String streaming = query.atLeast(16) ? "CASE s.substream WHEN 't' THEN 'on' WHEN 'p' THEN 'parallel' END"
                : query.atLeast(14) ? "CASE WHEN s.substream THEN 'on' END" : "NULL";
        String twoPhase = query.atLeast(15) ? "s.subtwophasestate <> 'd'" : "false";
        String disableOnError = query.atLeast(15) ? "s.subdisableonerr" : "false";
        String origin = query.atLeast(16) ? "NULLIF(s.suborigin, 'any')" : "NULL";
        return query.listDatabaseWide("SELECT s.subname, s.subconninfo, s.subpublications, s.subslotname, "
                        + binary + " AS binary, " + streaming + " AS streaming, " + twoPhase + " AS two_phase, "
                        + disableOnError + " AS disable_on_error, NULLIF(s.subsynccommit, 'off') AS synchronous_commit, "
                        + origin + " AS origin"
                        + " FROM pg_catalog.pg_subscription s"
                        + " WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())"
                        + " ORDER BY s.subname COLLATE \"C\"",
                rs -> {
                    List<String> options = new ArrayList<>();
                    String slot = rs.getString("subslotname");
                    options.add("slot_name = " + (slot == null ? "NONE" : Literals.string(slot)));
                    if (rs.getBoolean("binary")) {
                        options.add("binary = true");
                    }
                    if (rs.getString("streaming") != null) {
                        options.add("streaming = " + rs.getString("streaming"));
                    }
                    if (rs.getBoolean("two_phase")) {
                        options.add("two_phase = on");
                    }
                    if (rs.getBoolean("disable_on_error")) {
                        options.add("disable_on_error = true");
                    }
                    if (rs.getString("synchronous_commit") != null) {
                        options.add("synchronous_commit = " + Literals.string(rs.getString("synchronous_commit")));
                    }
                    if (rs.getString("origin") != null) {
                        options.add("origin = " + Literals.string(rs.getString("origin")));
                    }
                    return new Subscription(rs.getString("subname"), rs.getString("subconninfo"), strings(rs, "subpublications"),
                            options);
                });
    }

    static boolean superuser(CatalogQuery query) throws SQLException {
        return query.listDatabaseWide("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user",
                rs -> rs.getBoolean("rolsuper")).stream().findFirst().orElse(false);
    }
}
