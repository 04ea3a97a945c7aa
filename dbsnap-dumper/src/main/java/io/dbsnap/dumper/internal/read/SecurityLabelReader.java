package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.SecurityLabel;
import java.sql.SQLException;
import java.util.List;

/** Reads the security labels on dumped objects in one query. */
public final class SecurityLabelReader {

    private SecurityLabelReader() {
    }

    public static List<SecurityLabel> read(CatalogQuery query) throws SQLException {
        return ObjectTargets.list(query, "pg_catalog.pg_seclabel d", "d.provider, d.label",
                // ObjectTargets labels the first payload column (the provider) "payload"
                rs -> new SecurityLabel(rs.getString("target"), rs.getString("payload"), rs.getString("label")));
    }
}
