package io.dbsnap.diff;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.AccessMethod;
import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.Cast;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Conversion;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.EventTrigger;
import io.dbsnap.catalog.Extension;
import io.dbsnap.catalog.ForeignDataWrapper;
import io.dbsnap.catalog.ForeignServer;
import io.dbsnap.catalog.ForeignTable;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.LargeObject;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Operator;
import io.dbsnap.catalog.OperatorClass;
import io.dbsnap.catalog.OperatorFamily;
import io.dbsnap.catalog.OperatorFamilyMember;
import io.dbsnap.catalog.Ownership;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.ProceduralLanguage;
import io.dbsnap.catalog.Publication;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.Routine;
import io.dbsnap.catalog.Rule;
import io.dbsnap.catalog.Schema;
import io.dbsnap.catalog.SecurityLabel;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.StatisticsObject;
import io.dbsnap.catalog.Subscription;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.TextSearchConfiguration;
import io.dbsnap.catalog.TextSearchDictionary;
import io.dbsnap.catalog.TextSearchParser;
import io.dbsnap.catalog.TextSearchTemplate;
import io.dbsnap.catalog.Transform;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.catalog.UserMapping;
import io.dbsnap.catalog.View;
import java.util.List;
import java.util.Optional;

/**
 * Objects of every kind in schema {@code shop}, written as the server renders them, each with
 * every optional part present and every list non-empty, so that a test can change any one part.
 */
final class SampleCatalog {

    static final QualifiedName ORDERS = new QualifiedName("shop", "orders");
    static final QualifiedName C = new QualifiedName("pg_catalog", "C");

    static final Sequence IDENTITY = new Sequence(new QualifiedName("shop", "orders_id_seq"), "bigint", 1, 1, 1,
            Long.MAX_VALUE, 1, false, false, Optional.of(new Sequence.ColumnRef(ORDERS, "id")));

    static final Column ID = new Column("id", "bigint", Optional.of(C), true, Optional.of("orders_id_not_null"),
            Optional.of("42"), Column.Generated.NONE, Column.Identity.BY_DEFAULT, Optional.of(IDENTITY), true,
            Optional.of(100), Optional.of("main"), Optional.of("pglz"));
    static final Column NOTE = Column.of("note", "character varying(200)", false, Optional.of("''::character varying"));
    static final Column AMOUNT = Column.of("amount", "numeric(12,2)", true, Optional.empty());

    static final Table TABLE = new Table(ORDERS, List.of(ID, NOTE, AMOUNT),
            List.of(new Constraint(ORDERS, "orders_pkey", Constraint.Type.PRIMARY_KEY, "PRIMARY KEY (id)", true, true)),
            false, List.of("fillfactor=80"), Optional.of("RANGE (id)"), Optional.of(new QualifiedName("shop", "parent")),
            Optional.of("FOR VALUES FROM ('1') TO ('10')"), Optional.of(new QualifiedName("shop", "address")),
            List.of(new QualifiedName("shop", "base")), "i", Optional.of("orders_pkey"), true, true);

    static final String ADD_ONE = """
            CREATE OR REPLACE FUNCTION shop.add_one(i integer DEFAULT 1)
             RETURNS integer
             LANGUAGE plpgsql
             IMMUTABLE SECURITY DEFINER
             SET search_path TO 'pg_catalog'
            AS $function$
            BEGIN
                RETURN i + 1;
            END
            $function$""";

    static final Routine FUNCTION = new Routine(new QualifiedName("shop", "add_one"), "i integer", Routine.Kind.FUNCTION,
            ADD_ONE);

    static final View VIEW = new View(new QualifiedName("shop", "order_notes"), false,
            " SELECT orders.id,\n    orders.note\n   FROM shop.orders\n  WHERE orders.amount > 0::numeric",
            List.of("security_barrier=true"), Optional.of("LOCAL"));

    static final Index INDEX = new Index(new QualifiedName("shop", "orders_note_idx"), ORDERS,
            "CREATE INDEX orders_note_idx ON shop.orders USING btree (note)");

    static final Trigger TRIGGER = new Trigger(ORDERS, "audit",
            "CREATE TRIGGER audit BEFORE INSERT OR UPDATE OF note ON shop.orders FOR EACH ROW WHEN ((new.amount > (0)::numeric))"
                    + " EXECUTE FUNCTION shop.audit()", "O");

    static final Policy POLICY = new Policy(ORDERS, "own_rows", true, "SELECT", List.of("app_reader"),
            Optional.of("(amount > (0)::numeric)"), Optional.of("(amount < (100)::numeric)"));

    static final EnumType MOOD = new EnumType(new QualifiedName("shop", "mood"), List.of("sad", "ok", "happy"));

    private SampleCatalog() {
    }

    static Catalog everyKind() {
        return Catalogs.of(
                new Schema("shop"),
                new Extension("citext", "shop", "1.6"),
                new Collation(new QualifiedName("shop", "ci"), "icu", Optional.of("und-u-ks-level2"), Optional.of("C"),
                        Optional.of("POSIX"), false, Optional.of("&a < b"), false),
                MOOD,
                new DomainType(new QualifiedName("shop", "positive"), "numeric(12,2)", Optional.of(C), Optional.of("1"), true,
                        List.of(new DomainType.DomainConstraint("positive_check", "CHECK ((VALUE > (0)::numeric))", true))),
                new CompositeType(new QualifiedName("shop", "address"),
                        List.of(new CompositeType.Attribute("street", "text", Optional.of(C)))),
                new RangeType(new QualifiedName("shop", "float_range"), "double precision",
                        Optional.of(new QualifiedName("pg_catalog", "float8_ops")), Optional.of(C),
                        Optional.of(new QualifiedName("shop", "canon")), Optional.of(new QualifiedName("pg_catalog", "float8mi")),
                        Optional.of(new QualifiedName("shop", "float_multirange"))),
                new BaseType(new QualifiedName("shop", "tiny"), List.of("INPUT = shop.tiny_in", "OUTPUT = shop.tiny_out")),
                new Sequence(new QualifiedName("shop", "invoice_no"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, false,
                        Optional.of(new Sequence.ColumnRef(ORDERS, "amount"))),
                TABLE,
                VIEW,
                INDEX,
                new IndexAttachment(new QualifiedName("shop", "parent_note_idx"), INDEX.name()),
                FUNCTION,
                new Operator(new QualifiedName("shop", "==="), Optional.of("integer"), Optional.of("integer"), "shop.int_eq",
                        Optional.of("OPERATOR(shop.===)"), Optional.of("OPERATOR(shop.!==)"), Optional.of("eqsel"),
                        Optional.of("eqjoinsel"), true, true),
                new Cast("shop.address", "text", Cast.Method.FUNCTION, Optional.of("shop.address_text(shop.address)"),
                        Cast.Context.ASSIGNMENT),
                new TextSearchDictionary(new QualifiedName("shop", "simple_en"), "pg_catalog.simple",
                        Optional.of("stopwords = 'english'")),
                new TextSearchConfiguration(new QualifiedName("shop", "docs"), "pg_catalog.\"default\"",
                        List.of(new TextSearchConfiguration.Mapping("asciiword", List.of("english_stem")))),
                TRIGGER,
                new Rule(ORDERS, "log_insert", "CREATE RULE log_insert AS\n    ON INSERT TO shop.orders DO  INSERT INTO shop.log (id)\n  VALUES (new.id)", "O"),
                new StatisticsObject(new QualifiedName("shop", "order_stats"), ORDERS,
                        "CREATE STATISTICS shop.order_stats (dependencies) ON id, note FROM shop.orders", Optional.of(500)),
                POLICY,
                new Publication("orders_pub", false, "insert, update", true, Optional.of("stored"),
                        List.of(new Publication.Member(ORDERS, List.of("id"), Optional.of("(amount > (0)::numeric)"))),
                        List.of("shop")),
                new EventTrigger("ddl_watch", "ddl_command_end", List.of("CREATE TABLE"), new QualifiedName("shop", "on_ddl"), "A"),
                new LargeObject(424242),
                new OperatorFamily(new QualifiedName("shop", "fam"), "btree",
                        List.of(new OperatorFamilyMember(true, 1, "(integer, bigint)", "btint48cmp(integer,bigint)", Optional.empty()))),
                new OperatorClass(new QualifiedName("shop", "ops"), "gist", "shop.address", true, new QualifiedName("shop", "fam"),
                        Optional.of("box"), List.of(new OperatorFamilyMember(false, 15, "", "<->(point,point)",
                                Optional.of(new QualifiedName("pg_catalog", "float_ops"))))),
                new AccessMethod("shop_am", "INDEX", "gisthandler"),
                new ProceduralLanguage("shop_pl", true, "shop.handler", Optional.of("shop.inline"), Optional.empty()),
                new Conversion(new QualifiedName("shop", "conv"), "LATIN1", "UTF8", "iso8859_1_to_utf8", false),
                new Transform("integer", "shop_pl", Optional.of("shop.from_sql(internal)"), Optional.empty()),
                new TextSearchParser(new QualifiedName("shop", "prs"), "prsd_start", "prsd_nexttoken", "prsd_end",
                        Optional.empty(), "prsd_lextype"),
                new TextSearchTemplate(new QualifiedName("shop", "tmpl"), Optional.of("dsimple_init"), "dsimple_lexize"),
                new ForeignDataWrapper("shop_fdw", Optional.empty(), Optional.of("postgresql_fdw_validator"), List.of("debug 'true'")),
                new ForeignServer("shop_srv", "shop_fdw", Optional.of("oracle"), Optional.empty(), List.of("host 'h'")),
                new UserMapping("PUBLIC", "shop_srv", List.of("\"user\" 'anon'")),
                new ForeignTable(new Table(new QualifiedName("shop", "remote"), List.of(), List.of(), false, List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "d", Optional.empty(),
                        false, false), "shop_srv", List.of("table_name 'r'"),
                        List.of(new ForeignTable.ColumnOptions("id", List.of("column_name 'key'")))),
                new Subscription("shop_sub", "dbname=elsewhere", List.of("orders_pub"), List.of("slot_name = NONE")),
                new Comment("TABLE shop.orders", "every order"),
                new SecurityLabel("TABLE shop.orders", "dummy", "classified"),
                new Ownership("TABLE shop.orders", "app_owner"),
                new AccessControl("TABLE shop.orders", Optional.of("note"), "app_owner",
                        List.of(new Grant("app_reader", List.of("SELECT", "UPDATE"), false))),
                new DefaultPrivileges("app_owner", Optional.of("shop"), "TABLES",
                        List.of(new Grant("app_reader", List.of("SELECT"), true))),
                new Dependency(ObjectId.of(ObjectKind.VIEW, "shop", "order_notes"), ObjectId.of(ObjectKind.TABLE, "shop", "orders")));
    }
}
