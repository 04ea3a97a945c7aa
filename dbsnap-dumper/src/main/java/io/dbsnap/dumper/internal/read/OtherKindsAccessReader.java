package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Grant;
import io.dbsnap.catalog.Ownership;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the owners and access control lists of the kinds of object added after the first ones
 * (operator classes and families, conversions, foreign data wrappers, foreign servers, procedural
 * languages, subscriptions), in the form {@link AccessReader} gives the others; one query.
 */
public final class OtherKindsAccessReader {

    private static final String Q = "pg_catalog.quote_ident";

    private OtherKindsAccessReader() {
    }

    /** One object: how ALTER ... OWNER and GRANT name it (GRANT's NULL where it has no ACL), owner, ACL. */
    private record Row(String alterTarget, Optional<String> grantTarget, String owner, Optional<List<Grant>> grants) {
    }

    public static AccessReader.Access read(CatalogQuery query) throws SQLException {
        String owner = Q + "(pg_catalog.pg_get_userbyid(%s))";
        String name = Q + "(ns.nspname) || '.' || " + Q + "(%s)";
        StringBuilder sql = new StringBuilder("WITH ns AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE")
                .append(SchemaFilter.SQL).append(") SELECT * FROM (")
                .append("SELECT 'OPERATOR CLASS ' || " + name.formatted("o.opcname") + " || ' USING ' || " + Q + "(am.amname)"
                        + " AS alter_target, NULL AS grant_target, " + owner.formatted("o.opcowner") + " AS owner, NULL::text[] AS acl"
                        + " FROM pg_catalog.pg_opclass o JOIN ns ON ns.oid = o.opcnamespace"
                        + " JOIN pg_catalog.pg_am am ON am.oid = o.opcmethod WHERE" + SchemaFilter.notInExtension("pg_opclass", "o.oid"))
                .append(" UNION ALL SELECT 'OPERATOR FAMILY ' || " + name.formatted("o.opfname") + " || ' USING ' || "
                        + Q + "(am.amname), NULL, " + owner.formatted("o.opfowner") + ", NULL"
                        + " FROM pg_catalog.pg_opfamily o JOIN ns ON ns.oid = o.opfnamespace"
                        + " JOIN pg_catalog.pg_am am ON am.oid = o.opfmethod WHERE" + SchemaFilter.notInExtension("pg_opfamily", "o.oid"))
                .append(" UNION ALL SELECT 'CONVERSION ' || " + name.formatted("o.conname") + ", NULL, "
                        + owner.formatted("o.conowner") + ", NULL FROM pg_catalog.pg_conversion o JOIN ns ON ns.oid = o.connamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_conversion", "o.oid"));
        if (query.wholeDatabase()) {
            sql.append(" UNION ALL SELECT 'FOREIGN DATA WRAPPER ' || " + Q + "(w.fdwname), 'FOREIGN DATA WRAPPER ' || "
                            + Q + "(w.fdwname), " + owner.formatted("w.fdwowner") + ", " + AccessReader.exploded("w.fdwacl", "w.fdwowner")
                            + " FROM pg_catalog.pg_foreign_data_wrapper w WHERE"
                            + SchemaFilter.notInExtension("pg_foreign_data_wrapper", "w.oid"))
                    .append(" UNION ALL SELECT 'SERVER ' || " + Q + "(s.srvname), 'FOREIGN SERVER ' || " + Q + "(s.srvname), "
                            + owner.formatted("s.srvowner") + ", " + AccessReader.exploded("s.srvacl", "s.srvowner")
                            + " FROM pg_catalog.pg_foreign_server s WHERE" + SchemaFilter.notInExtension("pg_foreign_server", "s.oid"))
                    .append(" UNION ALL SELECT 'LANGUAGE ' || " + Q + "(l.lanname), 'LANGUAGE ' || " + Q + "(l.lanname), "
                            + owner.formatted("l.lanowner") + ", " + AccessReader.exploded("l.lanacl", "l.lanowner")
                            + " FROM pg_catalog.pg_language l WHERE l.lanispl AND l.oid >= " + CastReader.FIRST_USER_OID
                            + " AND" + SchemaFilter.notInExtension("pg_language", "l.oid"))
                    // subname and subowner are readable by anyone; only the subscriptions of this database
                    .append(" UNION ALL SELECT 'SUBSCRIPTION ' || " + Q + "(s.subname), NULL, " + owner.formatted("s.subowner")
                            + ", NULL FROM pg_catalog.pg_subscription s WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d"
                            + " WHERE d.datname = pg_catalog.current_database())");
        }
        sql.append(") objects ORDER BY alter_target COLLATE \"C\"");
        List<Row> rows = query.list(sql.toString(), rs -> new Row(rs.getString("alter_target"),
                Optional.ofNullable(rs.getString("grant_target")), rs.getString("owner"),
                rs.getArray("acl") == null ? Optional.empty() : Optional.of(AccessReader.grants(rs, "acl"))));
        List<Ownership> owners = new ArrayList<>();
        List<AccessControl> privileges = new ArrayList<>();
        for (Row row : rows) {
            owners.add(new Ownership(row.alterTarget(), row.owner()));
            if (row.grantTarget().isPresent() && row.grants().isPresent()) {
                privileges.add(new AccessControl(row.grantTarget().get(), Optional.empty(), row.owner(), row.grants().get()));
            }
        }
        return new AccessReader.Access(owners, privileges, List.of());
    }
}
