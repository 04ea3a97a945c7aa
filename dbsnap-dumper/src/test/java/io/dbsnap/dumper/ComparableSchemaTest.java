package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the convergence test's schema comparison forgives: the order of a table's columns, nothing else. */
class ComparableSchemaTest {

    @Test
    void theCatalogOraclesColumnLinesOfOneTableAreComparedInAnyOrder() {
        String declaredInTheMiddle = String.join("\n",
                "schema public", "table public.t column # a: integer", "table public.t column # b: text",
                "table public.t column # c: date", "table public.u column # z: integer", "view public.v");
        String addedAtTheEnd = String.join("\n",
                "schema public", "table public.t column # a: integer", "table public.t column # c: date",
                "table public.t column # b: text", "table public.u column # z: integer", "view public.v");
        assertThat(ComparableSchema.sortColumnLines(addedAtTheEnd)).isEqualTo(ComparableSchema.sortColumnLines(declaredInTheMiddle));

        // a column moved to another table, or any other line changed, still differs
        String movedToU = declaredInTheMiddle.replace("table public.t column # c: date", "table public.u column # c: date");
        assertThat(ComparableSchema.sortColumnLines(movedToU)).isNotEqualTo(ComparableSchema.sortColumnLines(declaredInTheMiddle));
        String otherType = declaredInTheMiddle.replace("b: text", "b: varchar");
        assertThat(ComparableSchema.sortColumnLines(otherType)).isNotEqualTo(ComparableSchema.sortColumnLines(declaredInTheMiddle));
        // lines that are not columns keep their place
        assertThat(ComparableSchema.sortColumnLines("view b\nview a")).isEqualTo("view b\nview a");
    }
}
