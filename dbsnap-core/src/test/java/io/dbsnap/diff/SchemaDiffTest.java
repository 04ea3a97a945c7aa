package io.dbsnap.diff;

import static io.dbsnap.diff.SampleCatalog.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.CatalogJson;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.Ownership;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Routine;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.catalog.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diff of catalogs built by hand; the expected changes are written from what each test changes. */
class SchemaDiffTest {

    private final Catalog sample = SampleCatalog.everyKind();

    @Test
    void aCatalogAndItsCopyHaveNoChanges() {
        Catalog copy = CatalogJson.fromJson(CatalogJson.toJson(sample));

        DiffReport report = SchemaDiff.compare(sample, copy);

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.hasRisks()).isFalse();
        assertThat(report.summary()).isEqualTo("no changes");
    }

    @Test
    void columnsChangeOneByOne() {
        Column narrowed = new Column("amount", "numeric(8,2)", Optional.empty(), true, Optional.empty(), Optional.of("0"),
                Column.Generated.NONE, Column.Identity.NONE, Optional.empty(), true, Optional.empty(), Optional.empty(),
                Optional.empty());
        Column widened = Column.of("note", "text", true, Optional.of("''::character varying"));
        Column added = Column.of("phone", "text", false, Optional.empty());
        Catalog after = Catalogs.replace(sample, SampleCatalog.TABLE, t -> withColumns(t, List.of(widened, narrowed, added)));

        DiffReport report = SchemaDiff.compare(sample, after);

        assertThat(ChangeLines.of(report)).containsExactly(
                "~ column shop.orders.amount {type, default} [type_narrowed]",
                "- column shop.orders.id [column_removed]",
                "~ column shop.orders.note {type, not null} [not_null_added]",
                "+ column shop.orders.phone");
        Change amount = report.changes().get(0);
        assertThat(amount.differences()).containsExactly(Difference.of("type", "numeric(12,2)", "numeric(8,2)"),
                Difference.added("default", "0"));
    }

    @Test
    void aDroppedColumnTakesItsCommentAndGrantsWithIt() {
        Comment onNote = new Comment("COLUMN shop.orders.note", "free text");
        Catalog before = Catalogs.with(sample, onNote);
        Catalog after = Catalogs.without(Catalogs.without(Catalogs.replace(sample, SampleCatalog.TABLE,
                t -> withColumns(t, List.of(SampleCatalog.ID, SampleCatalog.AMOUNT))), privilegesOf(sample)), new Comment(
                "TABLE shop.orders", "every order"));

        assertThat(ChangeLines.of(SchemaDiff.compare(before, after))).containsExactly(
                "- column shop.orders.note [column_removed]",
                "- comment on TABLE shop.orders");
    }

    @Test
    void aColumnMovedIsAChangeOfTheColumnOrder() {
        Catalog after = Catalogs.replace(sample, SampleCatalog.TABLE,
                t -> withColumns(t, List.of(SampleCatalog.ID, SampleCatalog.AMOUNT, SampleCatalog.NOTE)));

        DiffReport report = SchemaDiff.compare(sample, after);

        assertThat(ChangeLines.of(report)).containsExactly("~ table shop.orders {column order}");
        assertThat(report.changes().get(0).differences())
                .containsExactly(Difference.of("column order", "id, note, amount", "id, amount, note"));
    }

    @Test
    void aTypeChangeThatIsNoWideningIsARisk() {
        Column toText = Column.of("amount", "text", true, Optional.empty());
        Catalog after = Catalogs.replace(sample, SampleCatalog.TABLE,
                t -> withColumns(t, List.of(SampleCatalog.ID, SampleCatalog.NOTE, toText)));

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, after)))
                .containsExactly("~ column shop.orders.amount {type} [type_changed]");
    }

    @Test
    void aDroppedTableIsOneChangeWithEverythingOnIt() {
        // the sample's index, trigger, rule, statistics, policy, serial sequence, comment, owner
        // and grants all live on shop.orders
        Catalog after = Catalogs.without(sample, SampleCatalog.TABLE);

        DiffReport report = SchemaDiff.compare(sample, after);

        assertThat(ChangeLines.of(report)).containsExactly("- table shop.orders [table_removed]");
        assertThat(report.risky()).hasSize(1);
        assertThat(report.summary()).isEqualTo("1 table removed (risk)");
    }

    @Test
    void anAddedTableIsOneChangeWithEverythingOnIt() {
        DiffReport report = SchemaDiff.compare(Catalogs.without(sample, SampleCatalog.TABLE), sample);

        assertThat(ChangeLines.of(report)).containsExactly("+ table shop.orders");
        assertThat(report.hasRisks()).isFalse();
    }

    @Test
    void functionsAreMatchedByTheirArguments() {
        Routine ofText = new Routine(new QualifiedName("shop", "add_one"), "t text", Routine.Kind.FUNCTION,
                SampleCatalog.ADD_ONE.replace("(i integer DEFAULT 1)", "(t text)").replace("RETURN i + 1", "RETURN 1"));
        Catalog before = Catalogs.with(sample, ofText);
        Routine changedBody = new Routine(ofText.name(), ofText.signature(), ofText.kind(),
                ofText.definition().replace("RETURN 1", "RETURN 2"));
        Catalog after = Catalogs.replace(before, ofText, r -> changedBody);

        assertThat(ChangeLines.of(SchemaDiff.compare(before, after)))
                .containsExactly("~ function shop.add_one(t text) {body}");
    }

    @Test
    void reindentingAFunctionIsNoChange() {
        Catalog after = Catalogs.replace(sample, SampleCatalog.FUNCTION, f -> new Routine(f.name(), f.signature(), f.kind(),
                f.definition().replace("BEGIN\n    RETURN i + 1;\nEND", "BEGIN\n\tRETURN i+1;\n  END")));

        assertThat(after).isNotEqualTo(sample);
        assertThat(SchemaDiff.compare(sample, after).isEmpty()).isTrue();
    }

    @Test
    void aFunctionsPropertiesAreToldApart() {
        Catalog after = Catalogs.replace(sample, SampleCatalog.FUNCTION, f -> new Routine(f.name(), f.signature(), f.kind(),
                f.definition().replace(" IMMUTABLE SECURITY DEFINER", " STABLE")
                        .replace("DEFAULT 1", "DEFAULT 2")
                        .replace(" SET search_path TO 'pg_catalog'\n", "")));

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, after)))
                .containsExactly("~ function shop.add_one(i integer) {arguments, volatility, security, setting}");
    }

    @Test
    void reformattingAViewIsNoChangeButAnotherQueryIs() {
        Catalog reformatted = Catalogs.replace(sample, SampleCatalog.VIEW, v -> new View(v.name(), false,
                "SELECT orders.id, orders.note FROM shop.orders WHERE orders.amount > 0::numeric", v.options(), v.checkOption()));
        Catalog otherQuery = Catalogs.replace(sample, SampleCatalog.VIEW, v -> new View(v.name(), false,
                v.definition().replace("> 0", "> 10"), v.options(), v.checkOption()));

        assertThat(SchemaDiff.compare(sample, reformatted).isEmpty()).isTrue();
        assertThat(ChangeLines.of(SchemaDiff.compare(sample, otherQuery)))
                .containsExactly("~ view shop.order_notes {definition}");
    }

    @Test
    void aMaterializedViewLeftWithoutDataIsAChange() {
        View materialized = new View(new QualifiedName("shop", "totals"), true, " SELECT count(*) AS n FROM shop.orders",
                List.of(), Optional.empty());
        Catalog populated = sample.withViews(List.of(materialized));
        Catalog empty = sample.withViews(List.of(materialized.withPopulated(false)));

        assertThat(SchemaDiff.compare(populated, populated).isEmpty()).isTrue();
        assertThat(ChangeLines.of(SchemaDiff.compare(populated, empty)))
                .containsExactly("~ materialized view shop.totals {populated}");
    }

    @Test
    void enumValuesAddedAreSafeRemovedAreNot() {
        EnumType added = new EnumType(SampleCatalog.MOOD.name(), List.of("sad", "ok", "happy", "ecstatic"));
        EnumType removed = new EnumType(SampleCatalog.MOOD.name(), List.of("sad", "happy"));
        EnumType reordered = new EnumType(SampleCatalog.MOOD.name(), List.of("happy", "ok", "sad"));

        DiffReport withAdded = SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.MOOD, e -> added));
        assertThat(ChangeLines.of(withAdded)).containsExactly("~ enum type shop.mood {value}");
        assertThat(withAdded.changes().get(0).differences()).containsExactly(Difference.added("value", "ecstatic"));
        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.MOOD, e -> removed))))
                .containsExactly("~ enum type shop.mood {value} [enum_value_removed]");
        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.MOOD, e -> reordered))))
                .containsExactly("~ enum type shop.mood {value order}");
    }

    @Test
    void aTypeOfAnotherKindUnderTheSameNameIsRemovedAndAdded() {
        DomainType domain = new DomainType(SampleCatalog.MOOD.name(), "text", Optional.empty(), Optional.empty(), false, List.of());

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.MOOD, e -> domain))))
                .containsExactly("- enum type shop.mood [type_removed]", "+ domain shop.mood");
    }

    @Test
    void rowLevelSecurityWeakenedIsARisk() {
        Policy looser = new Policy(ORDERS, "own_rows", true, "SELECT", List.of("app_reader", "public"),
                Optional.of("true"), SampleCatalog.POLICY.withCheck());
        Policy dropped = new Policy(ORDERS, "other", true, "ALL", List.of("public"), Optional.of("true"), Optional.empty());
        Catalog before = Catalogs.with(sample, dropped);
        Catalog after = Catalogs.without(Catalogs.replace(
                Catalogs.replace(before, SampleCatalog.POLICY, p -> looser),
                SampleCatalog.TABLE, t -> new Table(t.name(), t.columns(), t.constraints(), t.unlogged(), t.options(),
                        t.partitionKey(), t.partitionOf(), t.partitionBound(), t.ofType(), t.inherits(), t.replicaIdentity(),
                        t.replicaIndex(), false, false)), dropped);

        DiffReport report = SchemaDiff.compare(before, after);

        assertThat(ChangeLines.of(report)).containsExactly(
                "~ table shop.orders {row security, force row security} [rls_disabled, rls_no_longer_forced]",
                "- policy other on shop.orders [policy_removed]",
                "~ policy own_rows on shop.orders {role, using}");
        assertThat(report.summary()).isEqualTo("1 table changed (risk), 1 policy removed (risk), 1 policy changed");
    }

    @Test
    void triggersTellWhichPartChanged() {
        Trigger disabled = new Trigger(ORDERS, "audit", SampleCatalog.TRIGGER.definition(), "D");
        Trigger afterDelete = new Trigger(ORDERS, "audit",
                SampleCatalog.TRIGGER.definition().replace("BEFORE INSERT OR UPDATE OF note", "AFTER DELETE"), "O");

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.TRIGGER, t -> disabled))))
                .containsExactly("~ trigger audit on shop.orders {enabled}");
        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.TRIGGER, t -> afterDelete))))
                .containsExactly("~ trigger audit on shop.orders {timing, events}");
    }

    @Test
    void anIndexAttachedElsewhereIsAChange() {
        IndexAttachment attachment = new IndexAttachment(new QualifiedName("shop", "parent_note_idx"), SampleCatalog.INDEX.name());
        Catalog detached = Catalogs.without(sample, attachment);

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, detached)))
                .containsExactly("~ index shop.orders_note_idx {attached to}");
    }

    @Test
    void commentsComeWithTheirText() {
        Comment changed = new Comment("TABLE shop.orders", "all orders");
        Comment onColumn = new Comment("COLUMN shop.orders.note", "free text");
        Catalog after = Catalogs.with(Catalogs.replace(sample, new Comment("TABLE shop.orders", "every order"), c -> changed),
                onColumn);

        DiffReport report = SchemaDiff.compare(sample, after);

        assertThat(ChangeLines.of(report)).containsExactly("+ comment on COLUMN shop.orders.note",
                "~ comment on TABLE shop.orders {text}");
        assertThat(report.changes().get(0).differences()).containsExactly(Difference.added("text", "free text"));
        assertThat(report.changes().get(1).differences()).containsExactly(Difference.of("text", "every order", "all orders"));
    }

    @Test
    void privilegesRevokedAreARiskGrantedAreNot() {
        AccessControl original = Catalogs.lists(sample).stream().flatMap(List::stream)
                .filter(AccessControl.class::isInstance).map(AccessControl.class::cast).findFirst().orElseThrow();
        AccessControl revoked = new AccessControl(original.target(), original.column(), original.owner(),
                List.of(new Grant("app_reader", List.of("SELECT"), false)));
        AccessControl granted = new AccessControl(original.target(), original.column(), original.owner(),
                List.of(new Grant("app_reader", List.of("SELECT", "UPDATE"), false), new Grant("auditor", List.of("SELECT"), false)));

        DiffReport revoke = SchemaDiff.compare(sample, Catalogs.replace(sample, original, a -> revoked));
        DiffReport grant = SchemaDiff.compare(sample, Catalogs.replace(sample, original, a -> granted));

        assertThat(ChangeLines.of(revoke)).containsExactly(
                "~ privileges on COLUMN shop.orders.note {privileges of app_reader} [privilege_revoked]");
        assertThat(revoke.changes().get(0).differences())
                .containsExactly(Difference.of("privileges of app_reader", "SELECT, UPDATE", "SELECT"));
        assertThat(ChangeLines.of(grant)).containsExactly("~ privileges on COLUMN shop.orders.note {privileges of auditor}");
        assertThat(SchemaDiff.compare(DiffSide.of("a", sample), DiffSide.of("b", Catalogs.replace(sample, original, a -> revoked)),
                DiffOptions.defaults().withoutPrivileges()).isEmpty()).isTrue();
    }

    @Test
    void anOwnerChangeMovesTheOwnersPrivilegesWithoutRevokingThem() {
        AccessControl original = privilegesOf(sample);
        AccessControl before = new AccessControl(original.target(), original.column(), "app_owner",
                List.of(new Grant("app_owner", List.of("SELECT", "UPDATE"), false), new Grant("app_reader", List.of("SELECT"), false)));
        AccessControl after = new AccessControl(original.target(), original.column(), "new_owner",
                List.of(new Grant("new_owner", List.of("SELECT", "UPDATE"), false), new Grant("app_reader", List.of("SELECT"), false)));
        Ownership owner = new Ownership("TABLE shop.orders", "app_owner");
        Catalog first = Catalogs.replace(sample, original, a -> before);
        Catalog second = Catalogs.replace(Catalogs.replace(sample, original, a -> after), owner,
                o -> new Ownership(o.target(), "new_owner"));

        assertThat(ChangeLines.of(SchemaDiff.compare(first, second))).containsExactly("~ owner of TABLE shop.orders {owner}");
    }

    @Test
    void ownersAreComparedOnlyWhenBothSidesRecordedThem() {
        Ownership owner = new Ownership("TABLE shop.orders", "app_owner");
        Catalog otherOwner = Catalogs.replace(sample, owner, o -> new Ownership(o.target(), "someone_else"));
        Catalog noOwners = Catalogs.without(sample, owner);

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, otherOwner)))
                .containsExactly("~ owner of TABLE shop.orders {owner}");
        assertThat(SchemaDiff.compare(DiffSide.of("a", sample), DiffSide.of("b", otherOwner),
                DiffOptions.defaults().withoutOwners()).isEmpty()).isTrue();
        // without any owner, the second catalog did not record owners nor, therefore, privileges
        Catalog noAccess = Catalogs.replace(noOwners, privilegesOf(noOwners), a -> new AccessControl(a.target(), a.column(),
                a.owner(), List.of()));
        assertThat(SchemaDiff.compare(sample, noAccess).isEmpty()).isTrue();
    }

    @Test
    void anIndexOnATableBothHaveIsComparedOnItsOwn() {
        Index other = new Index(SampleCatalog.INDEX.name(), ORDERS,
                "CREATE INDEX orders_note_idx ON shop.orders USING btree (note, amount)");

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, Catalogs.replace(sample, SampleCatalog.INDEX, i -> other))))
                .containsExactly("~ index shop.orders_note_idx {definition}");
    }

    @Test
    void changesAreInReportOrder() {
        Catalog after = Catalogs.with(Catalogs.without(sample, SampleCatalog.VIEW),
                new io.dbsnap.catalog.Schema("archive"), new io.dbsnap.catalog.Extension("hstore", "shop", "1.8"));

        assertThat(ChangeLines.of(SchemaDiff.compare(sample, after))).containsExactly(
                "+ extension hstore",
                "+ schema archive",
                "- view shop.order_notes [view_removed]");
    }

    private static AccessControl privilegesOf(Catalog catalog) {
        return catalog.privileges().get(0);
    }

    private static Table withColumns(Table t, List<Column> columns) {
        return new Table(t.name(), new ArrayList<>(columns), t.constraints(), t.unlogged(), t.options(), t.partitionKey(),
                t.partitionOf(), t.partitionBound(), t.ofType(), t.inherits(), t.replicaIdentity(), t.replicaIndex(),
                t.rowSecurity(), t.forceRowSecurity());
    }
}
