package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Definitions as PostgreSQL 15's pg_get_functiondef renders them. */
class FunctionDefinitionTest {

    @Test
    void takesAPlpgsqlFunctionApart() {
        FunctionDefinition f = FunctionDefinition.parse("""
                CREATE OR REPLACE FUNCTION "Mixed Case"."Weird ""name""\"(a "Mixed Case".point3, VARIADIC rest text[] DEFAULT '{}'::text[])
                 RETURNS SETOF text
                 LANGUAGE plpgsql
                 STABLE SECURITY DEFINER COST 50 ROWS 20
                 SET search_path TO 'pg_catalog'
                 SET work_mem TO '64MB'
                AS $body$
                BEGIN
                    RETURN NEXT a.label;
                END
                $body$""").orElseThrow();

        assertThat(f.arguments()).isEqualTo("a \"Mixed Case\".point3, VARIADIC rest text[] DEFAULT '{}'::text[]");
        assertThat(f.returns()).contains("SETOF text");
        assertThat(f.language()).isEqualTo("plpgsql");
        assertThat(f.volatility()).isEqualTo("stable");
        assertThat(f.security()).isEqualTo("definer");
        assertThat(f.strict()).isFalse();
        assertThat(f.parallel()).isEqualTo("unsafe");
        assertThat(f.cost()).contains("50");
        assertThat(f.rows()).contains("20");
        assertThat(f.settings()).containsExactly("search_path TO 'pg_catalog'", "work_mem TO '64MB'");
        assertThat(f.body()).startsWith("AS $body$\nBEGIN").endsWith("END\n$body$");
        assertThat(f.comparableBody()).isEqualTo("BEGIN RETURN NEXT a.label;END");
    }

    @Test
    void takesAProcedureWithAStandardBodyApart() {
        FunctionDefinition p = FunctionDefinition.parse("""
                CREATE OR REPLACE PROCEDURE app.touch(IN n integer)
                 LANGUAGE sql
                BEGIN ATOMIC
                 SELECT n;
                END""").orElseThrow();

        assertThat(p.arguments()).isEqualTo("IN n integer");
        assertThat(p.returns()).isEmpty();
        assertThat(p.language()).isEqualTo("sql");
        assertThat(p.volatility()).isEqualTo("volatile");
        assertThat(p.settings()).isEmpty();
        assertThat(p.body()).isEqualTo("BEGIN ATOMIC\n SELECT n;\nEND");
    }

    @Test
    void readsEveryOption() {
        FunctionDefinition f = FunctionDefinition.parse("""
                CREATE OR REPLACE FUNCTION app.f(integer)
                 RETURNS integer
                 LANGUAGE c
                 WINDOW IMMUTABLE PARALLEL SAFE STRICT LEAKPROOF SUPPORT app.f_support
                AS '$libdir/f', $function$f$function$""").orElseThrow();

        assertThat(f.window()).isTrue();
        assertThat(f.volatility()).isEqualTo("immutable");
        assertThat(f.parallel()).isEqualTo("safe");
        assertThat(f.strict()).isTrue();
        assertThat(f.leakproof()).isTrue();
        assertThat(f.support()).isEqualTo(Optional.of("app.f_support"));
        assertThat(f.comparableBody()).isEqualTo("AS '$libdir/f', $function$f$function$");
    }

    @Test
    void whitespaceCountsInOtherLanguages() {
        FunctionDefinition python = FunctionDefinition.parse("""
                CREATE OR REPLACE FUNCTION app.py()
                 RETURNS integer
                 LANGUAGE plpython3u
                AS $function$
                if True:
                    return 1
                $function$""").orElseThrow();

        assertThat(python.comparableBody()).isEqualTo(python.body());
    }

    @Test
    void anythingElseIsNotTakenApart() {
        assertThat(FunctionDefinition.parse("CREATE AGGREGATE app.a(text) (\n    SFUNC = textcat,\n    STYPE = text\n)"))
                .isEmpty();
        assertThat(FunctionDefinition.parse("CREATE OR REPLACE FUNCTION app.f()\n RETURNS integer\n SOMETHING NEW\nAS $$1$$"))
                .isEmpty();
        assertThat(FunctionDefinition.parse("CREATE OR REPLACE FUNCTION app.f()\n RETURNS integer\nAS $$1$$"))
                .as("no language").isEmpty();
    }
}
