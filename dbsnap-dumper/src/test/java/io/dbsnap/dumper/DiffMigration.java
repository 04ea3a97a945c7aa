package io.dbsnap.dumper;

import io.dbsnap.catalog.Identifiers;
import java.util.List;

/**
 * What the diff of fixtures/diff-before.sql and the same database after fixtures/diff-migration.sql
 * must be, written from the migration statement by statement, in report order: database-wide
 * objects, then schema by schema, kind by kind (in SubjectKind's order), table and name.
 */
final class DiffMigration {

    /** The summary line of that diff, counted by hand from {@link #expectedChanges}. */
    static final String SUMMARY = "1 schema added, 1 extension changed, 1 collation added, "
            + "2 enum types changed (1 at risk), 1 domain changed, 1 composite type changed, 1 range type added, "
            + "1 function added, 1 function removed (risk), 2 functions changed, 1 procedure changed, "
            + "1 aggregate changed, 1 operator added, 1 cast added, 1 text search dictionary added, "
            + "1 text search configuration changed, 1 sequence changed, 1 table added, 1 table removed (risk), "
            + "1 table changed (risk), 1 column added, 1 column removed (risk), 4 columns changed (2 at risk), "
            + "1 constraint added, 1 constraint removed, 1 index added, 1 index removed, 1 view removed (risk), "
            + "1 view changed, 1 materialized view changed, 1 statistics object changed, 1 rule changed, "
            + "2 triggers changed, 1 policy removed (risk), 1 policy changed, 1 publication changed, "
            + "1 event trigger changed, 1 large object removed (risk), 1 comment added, 1 comment changed, "
            + "1 owner changed, 1 privileges changed (risk), 1 default privileges added";

    private DiffMigration() {
    }

    /**
     * The changes, one line each as {@link DiffLines} writes them.
     *
     * @param serverMajor the server's major version: before PostgreSQL 14 a procedure's identity
     *                    arguments carry no {@code IN}
     * @param user        the role that ran the migration, whose default privileges it set
     */
    static List<String> expectedChanges(int serverMajor, String user) {
        String archive = serverMajor >= 14 ? "IN days integer" : "days integer";
        return List.of(
                // database-wide objects first
                "~ extension citext {version}",
                "+ cast (shop.address AS text)",
                "~ publication shop_pub {table}",
                "~ event trigger diff_watch {enabled}",
                "- large object 737373 [large_object_removed]",
                "+ schema audit",
                // then schema shop, kind by kind
                "+ collation shop.c_copy",
                "~ enum type shop.level {value} [enum_value_removed]",
                "~ enum type shop.mood {value}",
                "~ domain shop.positive {constraint below_million}",
                "~ composite type shop.address {attribute}",
                "+ range type shop.int_range2",
                "~ function shop.discount(amount numeric) {volatility}",
                "- function shop.obsolete() [routine_removed]",
                "~ function shop.order_total(c bigint) {body}",
                "+ function shop.order_total(c bigint, s text, since date)",
                "~ procedure shop.archive(" + archive + ") {setting}",
                "~ aggregate shop.concat_all(text) {definition}",
                "+ operator shop.~~~ (numeric, numeric)",
                "+ text search dictionary shop.simple_dict",
                "~ text search configuration shop.docs {mapping for email}",
                "~ sequence shop.invoice_no {increment}",
                "~ table shop.customers {row security} [rls_disabled]",
                "- table shop.legacy [table_removed]",
                "+ table shop.refunds",
                "- column shop.customers.note [column_removed]",
                "+ column shop.customers.phone",
                "~ column shop.orders.amount {type} [type_narrowed]",
                "~ column shop.orders.comment {default}",
                "~ column shop.orders.quantity {type}",
                "~ column shop.orders.status {not null} [not_null_added]",
                "- constraint orders_customer_id_fkey on shop.orders",
                "+ constraint positive_quantity on shop.orders",
                "+ index shop.orders_customer",
                "- index shop.orders_status",
                "- view shop.big_orders [view_removed]",
                "~ view shop.order_totals {definition}",
                "~ materialized view shop.order_counts {definition}",
                "~ statistics object shop.orders_stats {statistics target}",
                "~ rule orders_log on shop.orders {enabled}",
                "~ trigger customers_touch on shop.customers {timing, events}",
                "~ trigger orders_touch on shop.orders {enabled}",
                "- policy hide_closed on shop.orders [policy_removed]",
                "~ policy own_orders on shop.orders {using}",
                "+ comment on TABLE shop.customers",
                "~ comment on TABLE shop.orders {text}",
                "~ owner of TABLE shop.orders {owner}",
                "~ privileges on TABLE shop.orders {privileges of diff_reader} [privilege_revoked]",
                "+ default privileges for role " + Identifiers.quote(user) + " in schema shop on TABLES");
    }
}
