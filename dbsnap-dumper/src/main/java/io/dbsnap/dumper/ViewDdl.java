package io.dbsnap.dumper;

import io.dbsnap.catalog.View;

/** Writes {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW ... WITH NO DATA}. */
final class ViewDdl {

    private ViewDdl() {
    }

    static String create(View view) {
        StringBuilder sql = new StringBuilder("CREATE ").append(view.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                .append(view.name().sql());
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(Literals.options(view.options())).append(')');
        }
        sql.append(" AS\n").append(view.definition());
        view.checkOption().ifPresent(o -> sql.append("\n  WITH ").append(o).append(" CHECK OPTION"));
        if (view.materialized()) {
            sql.append("\n  WITH NO DATA");
        }
        return sql.append(';').toString();
    }
}
