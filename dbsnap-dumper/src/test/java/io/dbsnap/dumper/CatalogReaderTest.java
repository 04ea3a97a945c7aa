package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Column.Generated;
import io.dbsnap.catalog.Column.Identity;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Schema;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.testkit.PostgresTest;
import io.dbsnap.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first slice through the modules: a table created on a real server and read back through
 * the dumper. Expected values are PostgreSQL's documented renderings (format_type,
 * pg_get_constraintdef), written out by hand.
 */
@PostgresTest
class CatalogReaderTest {

    private static final QualifiedName ORDER = new QualifiedName("Sales Dept", "Order");
    private static Catalog catalog;

    @BeforeAll
    static void createAndRead(TestDatabase db) throws SQLException {
        db.execute("""
                CREATE EXTENSION pgcrypto;
                CREATE SCHEMA "Sales Dept";
                CREATE TABLE "Sales Dept"."Order" (
                    id integer GENERATED ALWAYS AS IDENTITY,
                    code varchar(12) NOT NULL,
                    amount numeric(10,2) DEFAULT 0,
                    placed timestamptz NOT NULL DEFAULT now(),
                    tags text[],
                    CONSTRAINT order_pk PRIMARY KEY (id),
                    CONSTRAINT amount_positive CHECK (amount >= 0)
                );
                ALTER TABLE "Sales Dept"."Order" ENABLE ROW LEVEL SECURITY;
                CREATE POLICY only_big ON "Sales Dept"."Order" AS RESTRICTIVE FOR SELECT USING (amount > 100);
                CREATE TABLE public.plain (x int);
                """);
        try (Connection c = db.connect()) {
            catalog = CatalogReader.allSchemas().read(c);
        }
    }

    @Test
    void readsSchemasButNotSystemOnes() {
        assertThat(catalog.schemas()).extracting(Schema::name).containsExactly("Sales Dept", "public");
    }

    @Test
    void readsTheTableBackColumnByColumn() {
        Table order = table("Order");

        assertThat(order.schema()).isEqualTo("Sales Dept");
        // an identity sequence of an integer column: START 1, INCREMENT 1, MINVALUE 1,
        // MAXVALUE 2^31-1, CACHE 1 (CREATE SEQUENCE defaults, PostgreSQL docs)
        Sequence idSequence = new Sequence(new QualifiedName("Sales Dept", "Order_id_seq"), "integer", 1, 1, 1,
                2147483647L, 1, false, false, Optional.empty());
        assertThat(order.columns()).containsExactly(
                new Column("id", "integer", Optional.empty(), true, Optional.empty(), Optional.empty(), Generated.NONE, Identity.ALWAYS,
                        Optional.of(idSequence), true, Optional.empty(), Optional.empty(), Optional.empty()),
                Column.of("code", "character varying(12)", true, Optional.empty()),
                Column.of("amount", "numeric(10,2)", false, Optional.of("0")),
                Column.of("placed", "timestamp with time zone", true, Optional.of("now()")),
                Column.of("tags", "text[]", false, Optional.empty()));
        assertThat(order.rowSecurity()).isTrue();
        assertThat(order.forceRowSecurity()).isFalse();
    }

    @Test
    void readsConstraintsAsTheServerRendersThem() {
        assertThat(table("Order").constraints()).containsExactly(
                new Constraint(ORDER, "amount_positive", Constraint.Type.CHECK, "CHECK ((amount >= (0)::numeric))", true, true),
                new Constraint(ORDER, "order_pk", Constraint.Type.PRIMARY_KEY, "PRIMARY KEY (id)", true, true));
    }

    @Test
    void readsPolicies() {
        assertThat(catalog.policies()).containsExactly(new Policy(ORDER, "only_big", false, "SELECT",
                List.of("public"), Optional.of("(amount > (100)::numeric)"), Optional.empty()));
    }

    @Test
    void leavesExtensionMembersOut() {
        // pgcrypto puts dozens of functions into public; they belong to CREATE EXTENSION.
        assertThat(catalog.routines()).isEmpty();
        assertThat(catalog.tables()).extracting(t -> t.name().name()).containsExactly("Order", "plain");
    }

    @Test
    void readsOnlyTheChosenSchemas(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            Catalog onlyPublic = CatalogReader.schemas("public").read(c);
            assertThat(onlyPublic.tables()).extracting(t -> t.name().name()).containsExactly("plain");
            assertThat(onlyPublic.policies()).isEmpty();
        }
    }

    @Test
    void leavesTheConnectionAsItWas(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            CatalogReader.allSchemas().read(c);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    private static Table table(String name) {
        return catalog.tables().stream().filter(t -> t.name().name().equals(name)).findFirst().orElseThrow();
    }
}
