package io.dbsnap.dumper.internal.plan;

import io.dbsnap.catalog.View;

/**
 * The statement that brings a materialized view to the populated state its catalog records:
 * {@code REFRESH MATERIALIZED VIEW} runs its query, {@code REFRESH ... WITH NO DATA} empties it and
 * leaves it unreadable until the next refresh, as {@code CREATE ... WITH NO DATA} does.
 */
public final class MaterializedViewRefresh {

    private MaterializedViewRefresh() {
    }

    public static String of(View view) {
        return "REFRESH MATERIALIZED VIEW " + view.name().sql() + (view.populated() ? "" : " WITH NO DATA") + ";";
    }
}
