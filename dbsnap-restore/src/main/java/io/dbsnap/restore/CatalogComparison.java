package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import java.util.List;

/**
 * The restore's former comparison of catalogs, now {@code CatalogVerification} (through
 * {@code SchemaDiff}). Kept only while the fast reset in dbsnap-junit5 still calls it; the reset's
 * move to its own module (issue 21) switches it, and this class goes.
 *
 * @deprecated use {@code SchemaDiff}
 */
@Deprecated
public final class CatalogComparison {

    private CatalogComparison() {
    }

    /** One line per object the restored database lacks, has in addition, or has otherwise; not owners and grants. */
    public static List<String> differences(Catalog snapshot, Catalog restored) {
        return CatalogVerification.differences(snapshot, restored, false, false);
    }
}
