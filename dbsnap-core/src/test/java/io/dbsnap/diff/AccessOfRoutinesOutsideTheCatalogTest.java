package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.RangeType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Owners and grants of routines the catalog does not list among its routines: an extension's
 * functions (their grants are recorded where they differ from the extension's) are compared like
 * any other object's; a range type's constructors come and go with their type.
 */
class AccessOfRoutinesOutsideTheCatalogTest {

    private static final String CRYPT = "FUNCTION extensions.crypt(text, text)";
    private final Catalog sample = SampleCatalog.everyKind();

    @Test
    void aGrantTakenAwayFromAnExtensionsFunctionIsAChange() {
        AccessControl granted = new AccessControl(CRYPT, Optional.empty(), "postgres",
                List.of(new Grant("postgres", List.of("EXECUTE"), false), new Grant("PUBLIC", List.of("EXECUTE"), false),
                        new Grant("app_reader", List.of("EXECUTE"), false)),
                Optional.of(List.of(new Grant("postgres", List.of("EXECUTE"), false),
                        new Grant("PUBLIC", List.of("EXECUTE"), false))));
        Catalog withGrant = Catalogs.with(sample, granted);

        DiffReport report = SchemaDiff.compare(withGrant, sample);

        assertThat(report.changes()).map(Change::toString).containsExactly("- privileges on " + CRYPT);
        // what differs from the extension's own list, not the grants it keeps
        assertThat(report.changes().get(0).differences())
                .containsExactly(Difference.removed("privileges of app_reader", "EXECUTE"));
        assertThat(report.changes().get(0).risks()).containsExactly(Risk.PRIVILEGE_REVOKED);
        assertThat(SchemaDiff.compare(sample, withGrant).changes().get(0).differences())
                .containsExactly(Difference.added("privileges of app_reader", "EXECUTE"));
    }

    @Test
    void aRangeTypesConstructorsComeWithTheirType() {
        RangeType range = new RangeType(new QualifiedName("shop", "int_range"), "integer", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new QualifiedName("shop", "int_multirange")));
        Catalog withRange = Catalogs.with(sample, range,
                new Ownership("TYPE shop.int_range", "app_owner"),
                new Ownership("FUNCTION shop.int_range(integer, integer)", "app_owner"),
                new Ownership("FUNCTION shop.int_range(integer, integer, text)", "app_owner"),
                new Ownership("FUNCTION shop.int_multirange(VARIADIC shop.int_range[])", "app_owner"));

        DiffReport report = SchemaDiff.compare(sample, withRange);

        assertThat(report.changes()).map(Change::toString).containsExactly("+ range type shop.int_range");
    }
}
