package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads the collations of the dumped schemas in one query. */
public final class CollationReader {

    private CollationReader() {
    }

    public static List<Collation> read(CatalogQuery query) throws SQLException {
        // Where an ICU or builtin locale lives: collcollate up to 14, colliculocale in 15 and 16,
        // colllocale from 17 on. ICU tailoring rules appeared in 16.
        String locale = query.atLeast(17) ? "c.colllocale" : query.atLeast(15) ? "c.colliculocale" : "c.collcollate";
        String rules = query.atLeast(16) ? "c.collicurules" : "NULL";
        return query.list("SELECT n.nspname, c.collname, c.collprovider, c.collcollate, c.collctype, " + locale + " AS locale, "
                        + "c.collisdeterministic, " + rules + " AS rules, c.collencoding = -1 AS any_encoding"
                        + " FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace"
                        + " WHERE" + SchemaFilter.notInExtension("pg_collation", "c.oid") + "AND" + SchemaFilter.SQL
                        + " ORDER BY n.nspname COLLATE \"C\", c.collname COLLATE \"C\"",
                rs -> {
                    QualifiedName name = new QualifiedName(rs.getString("nspname"), rs.getString("collname"));
                    boolean deterministic = rs.getBoolean("collisdeterministic");
                    Optional<String> rulesText = Optional.ofNullable(rs.getString("rules"));
                    boolean anyEncoding = rs.getBoolean("any_encoding");
                    String collate = rs.getString("collcollate");
                    String ctype = rs.getString("collctype");
                    return switch (rs.getString("collprovider")) {
                        case "c" -> collate.equals(ctype)
                                ? new Collation(name, "libc", Optional.of(collate), Optional.empty(), Optional.empty(),
                                deterministic, rulesText, anyEncoding)
                                : new Collation(name, "libc", Optional.empty(), Optional.of(collate), Optional.of(ctype),
                                deterministic, rulesText, anyEncoding);
                        case "i" -> new Collation(name, "icu", Optional.ofNullable(rs.getString("locale")), Optional.empty(),
                                Optional.empty(), deterministic, rulesText, anyEncoding);
                        case "b" -> new Collation(name, "builtin", Optional.ofNullable(rs.getString("locale")), Optional.empty(),
                                Optional.empty(), deterministic, rulesText, anyEncoding);
                        default -> throw new IllegalStateException("collation " + name.sql()
                                + " has the unknown provider " + rs.getString("collprovider"));
                    };
                });
    }
}
