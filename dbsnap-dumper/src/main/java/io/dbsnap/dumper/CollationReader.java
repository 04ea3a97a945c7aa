package io.dbsnap.dumper;

import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads the collations of the dumped schemas in one query. */
final class CollationReader {

    private CollationReader() {
    }

    static List<Collation> read(CatalogQuery query) throws SQLException {
        // Where an ICU or builtin locale lives: collcollate up to 14, colliculocale in 15 and 16,
        // colllocale from 17 on. ICU tailoring rules appeared in 16.
        String locale = query.atLeast(17) ? "c.colllocale" : query.atLeast(15) ? "c.colliculocale" : "c.collcollate";
        String rules = query.atLeast(16) ? "c.collicurules" : "NULL";
        return query.list("SELECT n.nspname, c.collname, c.collprovider, c.collcollate, c.collctype, " + locale + ", "
                        + "c.collisdeterministic, " + rules + ", c.collencoding = -1"
                        + " FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_collation", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.collname COLLATE \"C\"",
                rs -> {
                    QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
                    boolean deterministic = rs.getBoolean(7);
                    Optional<String> rulesText = Optional.ofNullable(rs.getString(8));
                    String collate = rs.getString(4);
                    String ctype = rs.getString(5);
                    return switch (rs.getString(3)) {
                        case "c" -> collate.equals(ctype)
                                ? new Collation(name, "libc", Optional.of(collate), Optional.empty(), Optional.empty(),
                                deterministic, rulesText, rs.getBoolean(9))
                                : new Collation(name, "libc", Optional.empty(), Optional.of(collate), Optional.of(ctype),
                                deterministic, rulesText, rs.getBoolean(9));
                        case "i" -> new Collation(name, "icu", Optional.ofNullable(rs.getString(6)), Optional.empty(),
                                Optional.empty(), deterministic, rulesText, rs.getBoolean(9));
                        case "b" -> new Collation(name, "builtin", Optional.ofNullable(rs.getString(6)), Optional.empty(),
                                Optional.empty(), deterministic, rulesText, rs.getBoolean(9));
                        default -> throw new IllegalStateException("collation " + name.sql()
                                + " has the unknown provider " + rs.getString(3));
                    };
                });
    }
}
