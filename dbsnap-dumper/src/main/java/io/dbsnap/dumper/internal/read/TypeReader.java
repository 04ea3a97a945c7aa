package io.dbsnap.dumper.internal.read;

import static io.dbsnap.dumper.internal.read.CatalogQuery.qualifiedName;
import static io.dbsnap.dumper.internal.read.CatalogQuery.strings;

import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.UserType;
import io.dbsnap.dumper.internal.sql.Literals;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads enum, domain, composite, range, base and shell types: one query per kind, one for domain
 * checks, one for attributes.
 */
public final class TypeReader {

    private static final String TYPES = " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE" + SchemaFilter.notInExtension("pg_type", "t.oid") + "AND" + SchemaFilter.SQL;

    /**
     * Two columns {@code label_schema, label_name}: the schema and name of a collation, operator
     * class or function, by OID; NULL for 0.
     */
    private static String nameOf(String catalog, String nameColumn, String schemaColumn, String oidExpression, String label) {
        return nameOf(catalog, nameColumn, schemaColumn, oidExpression, "true", label);
    }

    /** As {@link #nameOf(String, String, String, String, String)}, but NULL unless {@code condition} holds. */
    private static String nameOf(String catalog, String nameColumn, String schemaColumn, String oidExpression,
                                 String condition, String label) {
        return "CASE WHEN " + condition + " THEN (SELECT x.nspname FROM pg_catalog." + catalog
                + " o JOIN pg_catalog.pg_namespace x ON x.oid = o." + schemaColumn + " WHERE o.oid = " + oidExpression
                + ") END AS " + label + "_schema, CASE WHEN " + condition + " THEN (SELECT o." + nameColumn + " FROM pg_catalog." + catalog
                + " o WHERE o.oid = " + oidExpression + ") END AS " + label + "_name";
    }

    /** The optional support functions of a base type, in pg_dump's order; each the label of its column. */
    private static final List<String> SUPPORT_FUNCTIONS = List.of("RECEIVE", "SEND", "TYPMOD_IN", "TYPMOD_OUT", "ANALYZE",
            "SUBSCRIPT");

    private TypeReader() {
    }

    public static List<UserType> read(CatalogQuery query) throws SQLException {
        List<UserType> types = new ArrayList<>();
        types.addAll(enums(query));
        types.addAll(domains(query));
        types.addAll(composites(query));
        types.addAll(ranges(query));
        types.addAll(baseTypes(query));
        types.sort(Comparator.comparing((UserType t) -> t.name().schema()).thenComparing(t -> t.name().name()));
        return types;
    }

    private static List<EnumType> enums(CatalogQuery query) throws SQLException {
        return query.list("SELECT n.nspname, t.typname, ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e"
                        + " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels" + TYPES + " AND t.typtype = 'e'",
                rs -> new EnumType(new QualifiedName(rs.getString("nspname"), rs.getString("typname")), strings(rs, "labels")));
    }

    private static List<DomainType> domains(CatalogQuery query) throws SQLException {
        Map<Long, List<DomainType.DomainConstraint>> checks = query.groupedByOid(
                "SELECT co.contypid, co.conname, pg_catalog.pg_get_constraintdef(co.oid) AS definition, co.convalidated"
                        + " FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_type t ON t.oid = co.contypid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE co.contype = 'c' AND" + SchemaFilter.SQL + " ORDER BY co.contypid, co.conname COLLATE \"C\"",
                rs -> new DomainType.DomainConstraint(rs.getString("conname"), rs.getString("definition"),
                        rs.getBoolean("convalidated")));
        return query.list("SELECT t.oid, n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,"
                        + nameOf("pg_collation", "collname", "collnamespace", "t.typcollation",
                        "t.typcollation <> b.typcollation", "collation") + ","
                        + " pg_catalog.pg_get_expr(t.typdefaultbin, 'pg_catalog.pg_type'::pg_catalog.regclass) AS default_value,"
                        + " t.typnotnull"
                        + TYPES.replace(" WHERE", " JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype WHERE")
                        + " AND t.typtype = 'd'",
                rs -> new DomainType(new QualifiedName(rs.getString("nspname"), rs.getString("typname")), rs.getString("base_type"),
                        qualifiedName(rs, "collation"), Optional.ofNullable(rs.getString("default_value")),
                        rs.getBoolean("typnotnull"), checks.getOrDefault(rs.getLong("oid"), List.of())));
    }

    private static List<CompositeType> composites(CatalogQuery query) throws SQLException {
        Map<Long, List<CompositeType.Attribute>> attributes = query.groupedByOid(
                "SELECT t.oid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
                        + nameOf("pg_collation", "collname", "collnamespace", "a.attcollation",
                        "a.attcollation <> at.typcollation", "collation")
                        // only stand-alone composite types, not the row types of tables and views
                        + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class rc ON rc.oid = a.attrelid AND rc.relkind = 'c'"
                        + " JOIN pg_catalog.pg_type t ON t.typrelid = a.attrelid"
                        + " JOIN pg_catalog.pg_type at ON at.oid = a.atttypid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typtype = 'c' AND a.attnum > 0 AND NOT a.attisdropped AND" + SchemaFilter.SQL
                        + " ORDER BY t.oid, a.attnum",
                rs -> new CompositeType.Attribute(rs.getString("attname"), rs.getString("type"), qualifiedName(rs, "collation")));
        return query.list("SELECT t.oid, n.nspname, t.typname" + TYPES
                        + " AND t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'",
                rs -> new CompositeType(new QualifiedName(rs.getString("nspname"), rs.getString("typname")),
                        attributes.getOrDefault(rs.getLong("oid"), List.of())));
    }

    private static List<RangeType> ranges(CatalogQuery query) throws SQLException {
        // Multiranges (and rngmultitypid) exist from PostgreSQL 14 on.
        String multirange = query.atLeast(14) ? nameOf("pg_type", "typname", "typnamespace", "r.rngmultitypid", "multirange")
                : "NULL AS multirange_schema, NULL AS multirange_name";
        return query.list("SELECT n.nspname, t.typname, pg_catalog.format_type(r.rngsubtype, NULL) AS subtype, "
                        + nameOf("pg_opclass", "opcname", "opcnamespace", "r.rngsubopc",
                        "NOT (SELECT opcdefault FROM pg_catalog.pg_opclass WHERE oid = r.rngsubopc)", "opclass") + ","
                        + nameOf("pg_collation", "collname", "collnamespace", "r.rngcollation",
                        "r.rngcollation <> 0 AND r.rngcollation <> st.typcollation", "collation") + ","
                        + nameOf("pg_proc", "proname", "pronamespace", "r.rngcanonical", "canonical") + ","
                        + nameOf("pg_proc", "proname", "pronamespace", "r.rngsubdiff", "subdiff") + "," + multirange
                        + TYPES.replace(" WHERE", " JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid"
                        + " JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype WHERE") + " AND t.typtype = 'r'",
                rs -> new RangeType(new QualifiedName(rs.getString("nspname"), rs.getString("typname")), rs.getString("subtype"),
                        qualifiedName(rs, "opclass"), qualifiedName(rs, "collation"), qualifiedName(rs, "canonical"),
                        qualifiedName(rs, "subdiff"), qualifiedName(rs, "multirange")));
    }

    /** Base types with their options in pg_dump's order, and shell types that were never completed. */
    private static List<BaseType> baseTypes(CatalogQuery query) throws SQLException {
        String subscript = query.atLeast(14) ? "t.typsubscript" : "0";
        // a base type's own array type (typarray of its element) is created with it
        return query.list("SELECT n.nspname, t.typname, t.typisdefined, t.typlen, t.typinput::pg_catalog.regproc::text AS input,"
                        + " t.typoutput::pg_catalog.regproc::text AS output, " + function("t.typreceive", "RECEIVE") + ", "
                        + function("t.typsend", "SEND") + "," + function("t.typmodin", "TYPMOD_IN") + ", "
                        + function("t.typmodout", "TYPMOD_OUT") + ", " + function("t.typanalyze", "ANALYZE") + ","
                        + function(subscript, "SUBSCRIPT") + ", t.typbyval, t.typdefault,"
                        + " CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element, t.typcategory,"
                        + " t.typispreferred, t.typdelim, t.typalign, t.typstorage, t.typcollation <> 0 AS collatable"
                        + TYPES + " AND (t.typtype = 'b' OR (t.typtype = 'p' AND NOT t.typisdefined))"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)",
                rs -> {
                    QualifiedName name = new QualifiedName(rs.getString("nspname"), rs.getString("typname"));
                    if (!rs.getBoolean("typisdefined")) {
                        return new BaseType(name, List.of());
                    }
                    List<String> options = new ArrayList<>();
                    int length = rs.getInt("typlen");
                    options.add("INTERNALLENGTH = " + (length == -1 ? "variable" : Integer.toString(length)));
                    options.add("INPUT = " + rs.getString("input"));
                    options.add("OUTPUT = " + rs.getString("output"));
                    for (String function : SUPPORT_FUNCTIONS) {
                        String f = rs.getString(function);
                        if (f != null) {
                            options.add(function + " = " + f);
                        }
                    }
                    if (rs.getBoolean("typbyval")) {
                        options.add("PASSEDBYVALUE");
                    }
                    Optional.ofNullable(rs.getString("typdefault")).ifPresent(d -> options.add("DEFAULT = " + Literals.string(d)));
                    Optional.ofNullable(rs.getString("element")).ifPresent(e -> options.add("ELEMENT = " + e));
                    if (!rs.getString("typcategory").equals("U")) {
                        options.add("CATEGORY = " + Literals.string(rs.getString("typcategory")));
                    }
                    if (rs.getBoolean("typispreferred")) {
                        options.add("PREFERRED = true");
                    }
                    if (!rs.getString("typdelim").equals(",")) {
                        options.add("DELIMITER = " + Literals.string(rs.getString("typdelim")));
                    }
                    options.add("ALIGNMENT = " + switch (rs.getString("typalign")) {
                        case "c" -> "char";
                        case "s" -> "int2";
                        case "d" -> "double";
                        default -> "int4";
                    });
                    options.add("STORAGE = " + switch (rs.getString("typstorage")) {
                        case "p" -> "plain";
                        case "e" -> "external";
                        case "m" -> "main";
                        default -> "extended";
                    });
                    if (rs.getBoolean("collatable")) {
                        options.add("COLLATABLE = true");
                    }
                    return new BaseType(name, options);
                });
    }

    /** A type support function labelled {@code option}, or NULL for none. */
    private static String function(String oidColumn, String option) {
        return "CASE WHEN " + oidColumn + " <> 0 THEN " + oidColumn + "::pg_catalog.regproc::text END AS " + option;
    }
}
