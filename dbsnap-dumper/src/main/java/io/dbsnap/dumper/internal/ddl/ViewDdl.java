package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.View;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes {@code CREATE VIEW} and {@code CREATE MATERIALIZED VIEW ... WITH NO DATA}. */
public final class ViewDdl {

    private ViewDdl() {
    }

    static String create(View view) {
        return create(view, "CREATE ");
    }

    /**
     * A materialized view's column settings and CLUSTER index, as pg_dump writes them for a table
     * ({@code ALTER TABLE} takes a materialized view); after its indexes exist.
     */
    public static List<String> settings(View view) {
        List<String> statements = new ArrayList<>();
        String only = "ALTER TABLE ONLY " + view.name().sql() + " ALTER COLUMN ";
        for (View.StoredColumn c : view.storedColumns()) {
            c.statisticsTarget().ifPresent(n -> statements.add(only + quote(c.name()) + " SET STATISTICS " + n + ";"));
            c.storage().ifPresent(s -> statements.add(only + quote(c.name()) + " SET STORAGE " + s + ";"));
            c.compression().ifPresent(x -> statements.add(only + quote(c.name()) + " SET COMPRESSION " + x + ";"));
            if (!c.options().isEmpty()) {
                statements.add(only + quote(c.name()) + " SET (" + String.join(", ", c.options()) + ");");
            }
        }
        view.clusterIndex().ifPresent(i -> statements.add("ALTER TABLE " + view.name().sql() + " CLUSTER ON " + quote(i) + ";"));
        return statements;
    }

    /** The view's real definition over its {@link #placeholder}, which has the same columns. */
    public static String replace(View view) {
        return create(view, "CREATE OR REPLACE ");
    }

    /**
     * A view of the same columns that needs nothing but their types, as pg_dump writes where the
     * real query cannot be created yet: it stands in until {@link #replace} runs.
     */
    static String placeholder(View view) {
        return "CREATE VIEW " + view.name().sql() + " AS\n SELECT " + view.columns().stream()
                .map(c -> "NULL::" + c.type() + c.collation().map(x -> " COLLATE " + x.sql()).orElse("") + " AS " + quote(c.name()))
                .collect(Collectors.joining(",\n    ")) + ";" + defaults(view);
    }

    /** The defaults of the view's columns, which inserts through the view use. */
    private static String defaults(View view) {
        return view.columns().stream().filter(c -> c.defaultValue().isPresent())
                .map(c -> "\n\nALTER TABLE ONLY " + view.name().sql() + " ALTER COLUMN " + quote(c.name()) + " SET DEFAULT "
                        + c.defaultValue().get() + ";")
                .collect(Collectors.joining());
    }

    private static String create(View view, String verb) {
        StringBuilder sql = new StringBuilder(verb).append(view.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                .append(view.name().sql());
        view.accessMethod().ifPresent(m -> sql.append(" USING ").append(quote(m)));
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(Literals.options(view.options())).append(')');
        }
        sql.append(" AS\n").append(view.definition());
        view.checkOption().ifPresent(o -> sql.append("\n  WITH ").append(o).append(" CHECK OPTION"));
        if (view.materialized()) {
            sql.append("\n  WITH NO DATA");
        }
        return sql.append(';').append(defaults(view)).toString();
    }

    /** @param placeholder whether the view is created as a placeholder, its query set later ({@link ViewPlaceholders}) */
    public static ObjectDdl of(View view, boolean placeholder) {
        return new ObjectDdl(view.id(), placeholder ? placeholder(view) : create(view),
                "DROP " + (view.materialized() ? "MATERIALIZED VIEW" : "VIEW") + " IF EXISTS " + view.name().sql() + ";");
    }

    /** The query of a view created as a placeholder, under the identity {@code id}; dropped with the view. */
    public static ObjectDdl query(ObjectId id, View view) {
        return ObjectDdl.createOnly(id, replace(view));
    }
}
