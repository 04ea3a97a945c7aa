package io.dbsnap.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The second, independent fidelity oracle (see {@code docs/testing.md}, "The oracle"): a text
 * description of every user object of a database, written by SQL queries over {@code pg_catalog}
 * with the server's own renderers ({@code pg_get_functiondef}, {@code pg_get_indexdef},
 * {@code pg_get_expr}, {@code format_type}, {@code regclass} output, ...). Two databases with the
 * same schema give byte-identical descriptions; any schema difference changes at least one line.
 * It works where {@code pg_dump} 15 cannot (servers 16 to 18), on PostgreSQL 12 to 18, and uses
 * no dbsnap reader code, since it is the judge of that code.
 *
 * <p>One line per object or per part of an object (a column, a constraint, a mapping), sorted;
 * each starts with the object's kind and schema-qualified name, e.g.
 * {@code table "Mixed Case"."User" column 2 "e-mail": text, not null}. Line breaks inside a
 * definition are written as {@code \n} (a backslash as {@code \\}), so a diff of two descriptions
 * always names the object on every differing line. Columns are numbered among the table's
 * non-dropped columns, never by {@code attnum}, and no line holds an OID except a large object's
 * (which a dump preserves).
 *
 * <p>Covered: schemas, extensions (not their member objects), procedural languages, collations,
 * conversions, types (enum, domain, composite, range, base, shell), functions, procedures,
 * aggregates, operators, operator families and classes, casts, transforms, access methods,
 * sequences (not their current value), tables, views, materialized views, foreign tables and their
 * columns, constraints (of tables and domains, NOT NULL constraints of 18), indexes, triggers,
 * event triggers, rules, policies, publications, extended statistics, text search objects,
 * foreign-data wrappers, servers and user mappings, comments, security labels and the number of
 * large objects. Owners and privileges only on request, as dbsnap and
 * {@code pg_dump --no-owner --no-privileges} leave them out by default: then each owned object's
 * owner ({@code pg_get_userbyid}), its ACL (schemas, relations, functions, types, languages,
 * foreign-data wrappers, servers, large objects) and each column's ACL exploded by the server's
 * {@code aclexplode} into one line per privilege, grantee and grantor, and the default privileges
 * of {@code pg_default_acl}, exploded the same way.
 */
public final class CatalogOracle {

    /** OIDs below this belong to objects initdb made (FirstNormalObjectId in PostgreSQL's source). */
    private static final String FIRST_USER_OID = "16384";

    private CatalogOracle() {
    }

    /** The schema of {@code db}, without owners and privileges. */
    public static String describe(TestDatabase db) {
        return describe(db, false);
    }

    /** The schema of {@code db}; with {@code ownersAndPrivileges}, also every object's owner and ACL. */
    public static String describe(TestDatabase db, boolean ownersAndPrivileges) {
        try (Connection connection = db.connect()) {
            return describe(connection, ownersAndPrivileges);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + db + " to describe it: " + e.getMessage(), e);
        }
    }

    /** Like {@link #describe(Connection, boolean)} without owners and privileges. */
    public static String describe(Connection connection) {
        return describe(connection, false);
    }

    /**
     * Describes the database {@code connection} is connected to, as that connection sees it. In
     * auto-commit mode the queries run in a read-only transaction of their own, rolled back at the
     * end. Otherwise they run inside the caller's open transaction (so they see its uncommitted
     * changes), read-only from a savepoint that is rolled back at the end; the caller's
     * transaction is left as it was. Session settings are changed only for the duration.
     */
    public static String describe(Connection connection, boolean ownersAndPrivileges) {
        try {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (Statement statement = connection.createStatement()) {
                if (ownTransaction) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                } else {
                    statement.execute("SAVEPOINT catalog_oracle");
                    statement.execute("SET LOCAL transaction_read_only = on");
                }
                try {
                    return describe(statement, ownersAndPrivileges);
                } finally {
                    if (!ownTransaction) {
                        statement.execute("ROLLBACK TO SAVEPOINT catalog_oracle");
                        statement.execute("RELEASE SAVEPOINT catalog_oracle");
                    }
                }
            } finally {
                if (ownTransaction) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not describe the database's catalog: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static String describe(Statement statement, boolean ownersAndPrivileges) throws SQLException {
        fixSessionSettings(statement);
        int version;
        try (ResultSet rs = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            version = rs.getInt(1);
        }
        StringBuilder out = new StringBuilder();
        for (Section section : sections(version, ownersAndPrivileges)) {
            try (ResultSet rs = statement.executeQuery(section.query())) {
                while (rs.next()) {
                    out.append(escapeLineBreaks(rs.getString(1))).append('\n');
                }
            } catch (SQLException e) {
                throw new SQLException("the query for " + section.kind() + " failed: " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
        return out.toString();
    }

    /**
     * An empty search_path makes the server schema-qualify every name it prints (pg_catalog stays
     * implicitly searched, so built-in names stay short). The other settings change how constants
     * in expressions (defaults, CHECKs, index predicates) are printed, so they are pinned so that
     * two connections with different session settings describe the same database alike.
     */
    private static void fixSessionSettings(Statement statement) throws SQLException {
        statement.execute("""
                SELECT pg_catalog.set_config('search_path', '', true),
                       pg_catalog.set_config('quote_all_identifiers', 'off', true),
                       pg_catalog.set_config('standard_conforming_strings', 'on', true),
                       pg_catalog.set_config('DateStyle', 'ISO, MDY', true),
                       pg_catalog.set_config('IntervalStyle', 'postgres', true),
                       pg_catalog.set_config('TimeZone', 'UTC', true),
                       pg_catalog.set_config('extra_float_digits', '3', true),
                       pg_catalog.set_config('bytea_output', 'hex', true),
                       pg_catalog.set_config('lc_monetary', 'C', true)""");
    }

    static String escapeLineBreaks(String line) {
        return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** One query per object kind; each yields a column {@code line}, ordered by {@code orderBy}. */
    private record Section(String kind, String sql, String orderBy) {

        Section(String kind, String sql) {
            this(kind, sql, "line COLLATE \"C\"");
        }

        String query() {
            return "SELECT line FROM (" + sql + ") q WHERE line IS NOT NULL ORDER BY " + orderBy;
        }
    }

    private static List<Section> sections(int version, boolean ownersAndPrivileges) {
        List<Section> sections = new ArrayList<>(List.of(
                schemas(),
                extensions(),
                languages(),
                collations(version),
                conversions(),
                types(version),
                functions(),
                aggregates(),
                operators(),
                operatorFamilies(),
                operatorClasses(),
                operatorClassMembers(),
                casts(),
                transforms(),
                accessMethods(),
                sequences(),
                relations(version),
                constraints(version),
                indexes(),
                triggers(version),
                eventTriggers(),
                rules(),
                policies(),
                publications(version),
                publicationMembers(version),
                statistics(version),
                textSearchParsers(),
                textSearchTemplates(),
                textSearchDictionaries(),
                textSearchConfigurations(),
                foreignDataWrappers(),
                foreignServers(),
                userMappings(),
                comments(),
                securityLabels(),
                largeObjects()));
        if (ownersAndPrivileges) {
            sections.add(owners());
            sections.add(privileges());
            sections.add(columnPrivileges());
            sections.add(defaultPrivileges());
        }
        return sections;
    }

    // ---- filters shared by the queries -------------------------------------------------------

    /** A schema of the user's: not pg_catalog, information_schema, pg_toast*, pg_temp* (users may not create pg_* schemas). */
    private static String userSchema(String namespaceAlias) {
        return "(" + namespaceAlias + ".nspname <> 'information_schema' AND " + namespaceAlias + ".nspname !~ '^pg_')";
    }

    /** The object was not created by an extension's script (those are described as the extension). */
    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = '" + catalog + "'::regclass AND x.objid = "
                + oid + " AND x.deptype = 'e')";
    }

    /** A schema-qualified collation name (regcollation only exists from 13 on). */
    private static String collationName(String oid) {
        return "(SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co"
                + " JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = " + oid + ")";
    }

    /**
     * {@code text[]} options (reloptions, attoptions, ...) sorted, as {@code (a=1, b=2)}, or NULL.
     * The value of an option whose name says password (servers, user mappings) is not shown.
     */
    private static String sortedOptions(String options) {
        return "(SELECT '(' || string_agg(regexp_replace(o, '^([^=]*password[^=]*)=.*$', '\\1=(hidden)', 'i'), ', '"
                + " ORDER BY o COLLATE \"C\") || ')' FROM unnest(" + options + ") o)";
    }

    /** The word for a relation in lines about its parts (triggers, rules, policies, ...). */
    private static String relationWord(String classAlias) {
        return "CASE " + classAlias + ".relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
                + " WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'type' ELSE 'table' END";
    }

    /**
     * An object's kind and quoted, qualified identity, e.g. {@code table column "s"."t"."c"}:
     * pg_identify_object quotes every name, where pg_describe_object leaves schema and column
     * names bare. It holds no OID (except a large object's, which a dump keeps).
     */
    private static String identity(String classoid, String objoid, String objsubid) {
        return "(SELECT i.type || ' ' || i.identity FROM pg_identify_object(" + classoid + ", " + objoid + ", " + objsubid
                + ") i)";
    }

    /** Triggers, rules and event triggers share the enabled states of session_replication_role. */
    private static String enabledState(String column) {
        return "CASE " + column + " WHEN 'O' THEN 'enabled' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'enabled replica'"
                + " WHEN 'A' THEN 'enabled always' ELSE 'enabled ' || " + column + "::text END";
    }

    /** A relation of the user's (in a user schema, not an extension member), as pg_class alias c. */
    private static String userRelation(String classAlias, String namespaceAlias) {
        return userSchema(namespaceAlias) + " AND " + notInExtension("pg_class", classAlias + ".oid");
    }

    // ---- object kinds ------------------------------------------------------------------------

    private static Section schemas() {
        return new Section("schemas", """
                SELECT 'schema ' || quote_ident(n.nspname) AS line
                FROM pg_namespace n
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_namespace", "n.oid")));
    }

    /** The version is included: installing the same extension at another version is a difference. */
    private static Section extensions() {
        return new Section("extensions", """
                SELECT format('extension %I: schema %I, version %L', e.extname, n.nspname, e.extversion) AS line
                FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace""");
    }

    /** Languages created by users (plpgsql comes from initdb, others usually from extensions). */
    private static Section languages() {
        return new Section("languages", """
                SELECT concat_ws(', ',
                       format('language %%I: %%s', l.lanname, CASE WHEN l.lanpltrusted THEN 'trusted' ELSE 'untrusted' END),
                       'handler ' || nullif(l.lanplcallfoid, 0)::regprocedure,
                       'inline ' || nullif(l.laninline, 0)::regprocedure,
                       'validator ' || nullif(l.lanvalidator, 0)::regprocedure) AS line
                FROM pg_language l
                WHERE l.oid >= %s AND %s""".formatted(FIRST_USER_OID, notInExtension("pg_language", "l.oid")));
    }

    /**
     * The ICU/builtin locale column was colliculocale in 15 and 16 and is colllocale from 17 on;
     * ICU rules came in 16. collversion is left out: it is the version of the library, not schema.
     */
    private static Section collations(int version) {
        String locale = version >= 170000 ? "'locale ' || quote_literal(c.colllocale)"
                : version >= 150000 ? "'locale ' || quote_literal(c.colliculocale)" : "NULL";
        String rules = version >= 160000 ? "'rules ' || quote_literal(c.collicurules)" : "NULL";
        return new Section("collations", """
                SELECT concat_ws(', ',
                       format('collation %%I.%%I: provider %%s', n.nspname, c.collname,
                              CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin'
                                                  WHEN 'd' THEN 'default' ELSE c.collprovider::text END),
                       'encoding ' || CASE WHEN c.collencoding = -1 THEN 'any' ELSE pg_encoding_to_char(c.collencoding)::text END,
                       'collate ' || quote_literal(c.collcollate),
                       'ctype ' || quote_literal(c.collctype),
                       %s,
                       %s,
                       CASE WHEN NOT c.collisdeterministic THEN 'nondeterministic' END) AS line
                FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
                WHERE %s AND %s""".formatted(locale, rules, userSchema("n"), notInExtension("pg_collation", "c.oid")));
    }

    private static Section conversions() {
        return new Section("conversions", """
                SELECT format('conversion %%I.%%I: from %%s to %%s, function %%s%%s', n.nspname, c.conname,
                              pg_encoding_to_char(c.conforencoding), pg_encoding_to_char(c.contoencoding),
                              c.conproc::regprocedure, CASE WHEN c.condefault THEN ', default' ELSE '' END) AS line
                FROM pg_conversion c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_conversion", "c.oid")));
    }

    /**
     * User-defined types. Types made implicitly are left out, since they come with their owner:
     * array types, the row types of tables, views and sequences, and (14+) the multirange of a
     * range type, which the range's line names.
     */
    private static Section types(int version) {
        String multirange = version >= 140000 ? "'multirange ' || r.rngmultitypid::regtype" : "NULL";
        String subscript = version >= 140000 ? "'subscript ' || nullif(t.typsubscript, 0)::regprocedure" : "NULL";
        return new Section("types", """
                SELECT CASE
                  WHEN t.typtype = 'p' THEN format('type %%s: shell', t.oid::regtype)
                  WHEN t.typtype = 'e' THEN format('type %%s: enum (%%s)', t.oid::regtype,
                       (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                        FROM pg_enum e WHERE e.enumtypid = t.oid))
                  WHEN t.typtype = 'd' THEN concat_ws(', ',
                       format('type %%s: domain over %%s', t.oid::regtype, format_type(t.typbasetype, t.typtypmod)),
                       CASE WHEN t.typnotnull THEN 'not null' END,
                       'default ' || coalesce(pg_get_expr(t.typdefaultbin, 0), quote_literal(t.typdefault)),
                       CASE WHEN t.typcollation <> b.typcollation THEN 'collate ' || %s END)
                  WHEN t.typtype = 'c' THEN format('type %%s: composite (%%s)', t.oid::regtype,
                       (SELECT string_agg(concat_ws(' ', quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                                          CASE WHEN a.attcollation <> at.typcollation THEN 'collate ' || %s END),
                                          ', ' ORDER BY a.attnum)
                        FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
                  WHEN t.typtype = 'r' THEN concat_ws(', ',
                       format('type %%s: range of %%s', t.oid::regtype, format_type(r.rngsubtype, NULL)),
                       (SELECT format('opclass %%I.%%I', ocn.nspname, oc.opcname)
                        FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc),
                       'collate ' || %s,
                       'canonical ' || nullif(r.rngcanonical, 0)::regprocedure,
                       'subtype_diff ' || nullif(r.rngsubdiff, 0)::regprocedure,
                       %s)
                  ELSE concat_ws(', ',
                       format('type %%s: base, input %%s, output %%s', t.oid::regtype,
                              t.typinput::regprocedure, t.typoutput::regprocedure),
                       'receive ' || nullif(t.typreceive, 0)::regprocedure,
                       'send ' || nullif(t.typsend, 0)::regprocedure,
                       'typmod_in ' || nullif(t.typmodin, 0)::regprocedure,
                       'typmod_out ' || nullif(t.typmodout, 0)::regprocedure,
                       'analyze ' || nullif(t.typanalyze, 0)::regprocedure,
                       %s,
                       'length ' || t.typlen,
                       CASE WHEN t.typbyval THEN 'by value' END,
                       'alignment ' || t.typalign::text,
                       'storage ' || t.typstorage::text,
                       'category ' || quote_literal(t.typcategory::text),
                       CASE WHEN t.typispreferred THEN 'preferred' END,
                       'delimiter ' || quote_literal(t.typdelim::text),
                       'element ' || nullif(t.typelem, 0)::regtype,
                       'default ' || quote_literal(t.typdefault),
                       CASE WHEN t.typcollation <> 0 THEN 'collatable' END)
                END AS line
                FROM pg_type t
                JOIN pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_type b ON b.oid = t.typbasetype
                LEFT JOIN pg_range r ON r.rngtypid = t.oid
                WHERE %s AND %s
                  AND (t.typtype IN ('b', 'd', 'e', 'r') OR (t.typtype = 'p' AND NOT t.typisdefined)
                       OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
                  AND NOT EXISTS (SELECT FROM pg_type elem WHERE elem.typarray = t.oid)""".formatted(
                collationName("t.typcollation"), collationName("a.attcollation"),
                collationName("nullif(r.rngcollation, 0)"), multirange, subscript,
                userSchema("n"), notInExtension("pg_type", "t.oid")));
    }

    /**
     * Functions other than aggregates, as pg_get_functiondef prints them (it covers every
     * attribute, SQL-standard bodies of 14+ included). Functions with an internal dependency are
     * the constructors of range and multirange types, made by CREATE TYPE.
     */
    private static Section functions() {
        return new Section("functions", """
                SELECT format('%%s %%s: %%s', CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                              p.oid::regprocedure, pg_get_functiondef(p.oid)) AS line
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prokind <> 'a' AND %s AND %s
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                  AND d.deptype = 'i')""".formatted(userSchema("n"), notInExtension("pg_proc", "p.oid")));
    }

    /** pg_get_functiondef refuses aggregates; their definition is the pg_aggregate row. */
    private static Section aggregates() {
        return new Section("aggregates", """
                SELECT concat_ws(', ',
                       format('aggregate %%s: arguments (%%s), returns %%s', p.oid::regprocedure,
                              pg_get_function_arguments(p.oid), pg_get_function_result(p.oid)),
                       CASE a.aggkind WHEN 'n' THEN NULL WHEN 'o' THEN 'ordered-set' WHEN 'h' THEN 'hypothetical' END,
                       'sfunc ' || a.aggtransfn::regprocedure,
                       'stype ' || format_type(a.aggtranstype, NULL),
                       'sspace ' || nullif(a.aggtransspace, 0),
                       'finalfunc ' || nullif(a.aggfinalfn, 0)::regprocedure,
                       CASE WHEN a.aggfinalextra THEN 'finalfunc_extra' END,
                       'finalfunc_modify ' || a.aggfinalmodify::text,
                       'combinefunc ' || nullif(a.aggcombinefn, 0)::regprocedure,
                       'serialfunc ' || nullif(a.aggserialfn, 0)::regprocedure,
                       'deserialfunc ' || nullif(a.aggdeserialfn, 0)::regprocedure,
                       'initcond ' || quote_literal(a.agginitval),
                       'msfunc ' || nullif(a.aggmtransfn, 0)::regprocedure,
                       'minvfunc ' || nullif(a.aggminvtransfn, 0)::regprocedure,
                       'mstype ' || format_type(nullif(a.aggmtranstype, 0), NULL),
                       'msspace ' || nullif(a.aggmtransspace, 0),
                       'mfinalfunc ' || nullif(a.aggmfinalfn, 0)::regprocedure,
                       CASE WHEN a.aggmfinalextra THEN 'mfinalfunc_extra' END,
                       CASE WHEN a.aggmtransfn <> 0 THEN 'mfinalfunc_modify ' || a.aggmfinalmodify::text END,
                       'minitcond ' || quote_literal(a.aggminitval),
                       'sortop ' || nullif(a.aggsortop, 0)::regoperator,
                       'parallel ' || p.proparallel::text,
                       CASE WHEN p.proisstrict THEN 'strict' END) AS line
                FROM pg_aggregate a
                JOIN pg_proc p ON p.oid = a.aggfnoid
                JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_proc", "p.oid")));
    }

    private static Section operators() {
        return new Section("operators", """
                SELECT concat_ws(', ',
                       format('operator %%s: function %%s, returns %%s', o.oid::regoperator,
                              nullif(o.oprcode, 0)::regprocedure, format_type(o.oprresult, NULL)),
                       'commutator ' || nullif(o.oprcom, 0)::regoperator,
                       'negator ' || nullif(o.oprnegate, 0)::regoperator,
                       'restrict ' || nullif(o.oprrest, 0)::regprocedure,
                       'join ' || nullif(o.oprjoin, 0)::regprocedure,
                       CASE WHEN o.oprcanhash THEN 'hashes' END,
                       CASE WHEN o.oprcanmerge THEN 'merges' END) AS line
                FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_operator", "o.oid")));
    }

    private static Section operatorFamilies() {
        return new Section("operator families", """
                SELECT format('operator family %%I.%%I using %%I', n.nspname, f.opfname, am.amname) AS line
                FROM pg_opfamily f
                JOIN pg_namespace n ON n.oid = f.opfnamespace
                JOIN pg_am am ON am.oid = f.opfmethod
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_opfamily", "f.oid")));
    }

    private static Section operatorClasses() {
        return new Section("operator classes", """
                SELECT concat_ws(', ',
                       format('operator class %%I.%%I using %%I: for type %%s, family %%I.%%I', n.nspname, c.opcname,
                              am.amname, format_type(c.opcintype, NULL), fn.nspname, f.opfname),
                       CASE WHEN c.opcdefault THEN 'default' END,
                       'storage ' || format_type(nullif(c.opckeytype, 0), NULL)) AS line
                FROM pg_opclass c
                JOIN pg_namespace n ON n.oid = c.opcnamespace
                JOIN pg_am am ON am.oid = c.opcmethod
                JOIN pg_opfamily f ON f.oid = c.opcfamily
                JOIN pg_namespace fn ON fn.oid = f.opfnamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_opclass", "c.oid")));
    }

    /**
     * The operators and support functions of user operator families. pg_identify_object names
     * each with its strategy or support number, types, family and access method; the purpose of
     * an ordering operator and the referenced object complete it.
     */
    private static Section operatorClassMembers() {
        return new Section("operator family members", """
                SELECT concat_ws(', ', %3$s || ': ' || m.amopopr::regoperator,
                       CASE WHEN m.amoppurpose = 'o' THEN 'for order by ' || format('%%I.%%I', sn.nspname, sf.opfname) END) AS line
                FROM pg_amop m
                JOIN pg_opfamily f ON f.oid = m.amopfamily
                JOIN pg_namespace n ON n.oid = f.opfnamespace
                LEFT JOIN pg_opfamily sf ON sf.oid = m.amopsortfamily
                LEFT JOIN pg_namespace sn ON sn.oid = sf.opfnamespace
                WHERE %1$s AND %2$s
                UNION ALL
                SELECT %4$s || ': ' || m.amproc::regprocedure
                FROM pg_amproc m
                JOIN pg_opfamily f ON f.oid = m.amprocfamily
                JOIN pg_namespace n ON n.oid = f.opfnamespace
                WHERE %1$s AND %2$s""".formatted(userSchema("n"), notInExtension("pg_opfamily", "f.oid"),
                identity("'pg_amop'::regclass", "m.oid", "0"), identity("'pg_amproc'::regclass", "m.oid", "0")));
    }

    /**
     * Casts made after initdb: any cast from or to a user type or through a user function, and
     * also casts a user added between built-in types. Creating a range type (14+) adds a cast to
     * its multirange; it is listed like any other.
     */
    private static Section casts() {
        return new Section("casts", """
                SELECT format('cast (%%s as %%s): %%s, %%s', format_type(c.castsource, NULL), format_type(c.casttarget, NULL),
                              CASE c.castmethod WHEN 'f' THEN 'function ' || c.castfunc::regprocedure
                                                WHEN 'i' THEN 'with inout' WHEN 'b' THEN 'without function' END,
                              CASE c.castcontext WHEN 'e' THEN 'explicit' WHEN 'a' THEN 'as assignment'
                                                 WHEN 'i' THEN 'implicit' END) AS line
                FROM pg_cast c
                WHERE c.oid >= %s AND %s""".formatted(FIRST_USER_OID, notInExtension("pg_cast", "c.oid")));
    }

    private static Section transforms() {
        return new Section("transforms", """
                SELECT format('transform for %%s language %%I: from sql %%s, to sql %%s', format_type(t.trftype, NULL),
                              l.lanname, t.trffromsql::regprocedure, t.trftosql::regprocedure) AS line
                FROM pg_transform t JOIN pg_language l ON l.oid = t.trflang
                WHERE t.oid >= %s AND %s""".formatted(FIRST_USER_OID, notInExtension("pg_transform", "t.oid")));
    }

    private static Section accessMethods() {
        return new Section("access methods", """
                SELECT format('access method %%I: type %%s, handler %%s', a.amname,
                              CASE a.amtype WHEN 't' THEN 'table' WHEN 'i' THEN 'index' ELSE a.amtype::text END,
                              a.amhandler::regprocedure) AS line
                FROM pg_am a
                WHERE a.oid >= %s AND %s""".formatted(FIRST_USER_OID, notInExtension("pg_am", "a.oid")));
    }

    /**
     * Sequence parameters, never their current value (data, not schema). "owned by" is the
     * automatic dependency of a serial column or OWNED BY; "identity of" the internal one of an
     * identity column's sequence.
     */
    private static Section sequences() {
        return new Section("sequences", """
                SELECT concat_ws(', ',
                       format('sequence %%s: %%s', c.oid::regclass, format_type(s.seqtypid, NULL)),
                       'start ' || s.seqstart, 'increment ' || s.seqincrement,
                       'min ' || s.seqmin, 'max ' || s.seqmax, 'cache ' || s.seqcache,
                       CASE WHEN s.seqcycle THEN 'cycle' ELSE 'no cycle' END,
                       CASE c.relpersistence WHEN 'u' THEN 'unlogged' WHEN 't' THEN 'temporary' END,
                       (SELECT string_agg(CASE d.deptype WHEN 'a' THEN 'owned by ' ELSE 'identity of ' END
                                          || d.refobjid::regclass || '.' || quote_ident(a.attname), ', ')
                        FROM pg_depend d
                        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')),
                       'tablespace ' || (SELECT quote_ident(spcname) FROM pg_tablespace WHERE oid = c.reltablespace)) AS line
                FROM pg_sequence s
                JOIN pg_class c ON c.oid = s.seqrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE %s""".formatted(userRelation("c", "n")));
    }

    /**
     * Tables (plain, partitioned, foreign), views and materialized views, each followed by its
     * columns. Columns are numbered among the non-dropped ones, so a dropped column leaves no
     * trace. Inherited parents are listed in inhseqno order, which is the order of INHERITS.
     */
    private static Section relations(int version) {
        String compression = version >= 140000
                ? "CASE a.attcompression WHEN 'p' THEN 'compression pglz' WHEN 'l' THEN 'compression lz4' END"
                : "NULL";
        // 17+: attstattarget is NULL unless set (it was -1 before): ">= 0" is false for both.
        String relationLine = """
                SELECT c.oid::regclass::text AS rel, 0 AS pos, concat_ws(', ',
                       format('%%s %%s: %%s', %1$s, c.oid::regclass,
                              CASE c.relkind WHEN 'r' THEN 'ordinary' WHEN 'p' THEN 'partitioned' WHEN 'f' THEN 'foreign'
                                             WHEN 'v' THEN 'definition ' || pg_get_viewdef(c.oid)
                                             WHEN 'm' THEN 'definition ' || pg_get_viewdef(c.oid) END),
                       CASE c.relpersistence WHEN 'u' THEN 'unlogged' WHEN 't' THEN 'temporary' END,
                       'of type ' || nullif(c.reloftype, 0)::regtype,
                       CASE WHEN c.relispartition THEN
                            (SELECT 'partition of ' || i.inhparent::regclass FROM pg_inherits i WHERE i.inhrelid = c.oid)
                            || ' ' || pg_get_expr(c.relpartbound, c.oid)
                       ELSE (SELECT 'inherits (' || string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno) || ')'
                             FROM pg_inherits i WHERE i.inhrelid = c.oid) END,
                       CASE WHEN c.relkind = 'p' THEN 'partition by ' || pg_get_partkeydef(c.oid) END,
                       CASE WHEN c.relkind = 'p' OR am.amname <> 'heap' THEN 'access method ' || quote_ident(am.amname) END,
                       'options ' || %2$s,
                       'toast options ' || (SELECT %3$s FROM pg_class t WHERE t.oid = c.reltoastrelid),
                       'tablespace ' || (SELECT quote_ident(spcname) FROM pg_tablespace WHERE oid = c.reltablespace),
                       CASE WHEN c.relkind NOT IN ('r', 'p') THEN NULL WHEN c.relreplident = 'd' THEN NULL
                            WHEN c.relreplident = 'n' THEN 'replica identity nothing'
                            WHEN c.relreplident = 'f' THEN 'replica identity full'
                            WHEN c.relreplident = 'i' THEN 'replica identity index '
                                 || (SELECT x.indexrelid::regclass::text FROM pg_index x
                                     WHERE x.indrelid = c.oid AND x.indisreplident) END,
                       CASE WHEN c.relrowsecurity THEN 'row security' END,
                       CASE WHEN c.relforcerowsecurity THEN 'forced row security' END,
                       (SELECT concat_ws(', ', 'server ' || quote_ident(s.srvname), 'options ' || %4$s)
                        FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE ft.ftrelid = c.oid)) AS line
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_am am ON am.oid = c.relam
                WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND %5$s
                """.formatted(relationWord("c"), sortedOptions("c.reloptions"), sortedOptions("t.reloptions"),
                sortedOptions("ft.ftoptions"), userRelation("c", "n"));
        String columnLine = """
                SELECT a.rel, a.pos, concat_ws(', ',
                       format('%%s %%s column %%s %%I: %%s', a.word, a.rel, a.pos, a.attname, format_type(a.atttypid, a.atttypmod)),
                       CASE WHEN a.attnotnull THEN 'not null' END,
                       CASE a.attgenerated WHEN 's' THEN 'generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ') stored'
                                           WHEN 'v' THEN 'generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ') virtual'
                                           ELSE 'default ' || pg_get_expr(d.adbin, d.adrelid) END,
                       CASE a.attidentity WHEN 'a' THEN 'generated always as identity'
                                          WHEN 'd' THEN 'generated by default as identity' END,
                       CASE WHEN a.attcollation <> t.typcollation THEN 'collate ' || %1$s END,
                       CASE WHEN a.attstorage <> t.typstorage THEN 'storage ' || CASE a.attstorage WHEN 'p' THEN 'plain'
                            WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' WHEN 'x' THEN 'extended' END END,
                       %2$s,
                       CASE WHEN a.attstattarget >= 0 THEN 'statistics ' || a.attstattarget END,
                       'options ' || %3$s,
                       'fdw options ' || %4$s,
                       CASE WHEN NOT a.attislocal THEN 'not local' END,
                       CASE WHEN a.attinhcount > 0 THEN 'inherited from ' || a.attinhcount END) AS line
                FROM (SELECT a.*, c.oid::regclass::text AS rel, %5$s AS word,
                             row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS pos
                      FROM pg_attribute a
                      JOIN pg_class c ON c.oid = a.attrelid
                      JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND %6$s) a
                JOIN pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                """.formatted(collationName("a.attcollation"), compression, sortedOptions("a.attoptions"),
                sortedOptions("a.attfdwoptions"), relationWord("c"), userRelation("c", "n"));
        return new Section("relations and columns", relationLine + "UNION ALL\n" + columnLine,
                "rel COLLATE \"C\", pos");
    }

    /**
     * Constraints of tables and domains, as pg_get_constraintdef prints them, plus the flags it
     * leaves out (inheritance). 18 stores NOT NULL constraints here too (contype 'n'), with names
     * that matter; 17 does so for domains.
     */
    private static Section constraints(int version) {
        return new Section("constraints", """
                SELECT concat_ws(', ',
                       format('%%s %%s constraint %%I: %%s',
                              CASE WHEN k.contypid <> 0 THEN 'type' ELSE %1$s END,
                              coalesce(nullif(k.conrelid, 0)::regclass::text, nullif(k.contypid, 0)::regtype::text),
                              k.conname, pg_get_constraintdef(k.oid)),
                       CASE WHEN NOT k.convalidated THEN 'not validated' END,
                       CASE WHEN k.condeferrable THEN 'deferrable' END,
                       CASE WHEN k.condeferred THEN 'initially deferred' END,
                       CASE WHEN NOT k.conislocal THEN 'not local' END,
                       CASE WHEN k.coninhcount > 0 THEN 'inherited from ' || k.coninhcount END,
                       -- connoinherit means something for CHECK and (18) NOT NULL only; on the index-backed
                       -- constraints of a partition it depends on whether the partition was made with
                       -- PARTITION OF or attached later, which pg_dump does not keep either.
                       CASE WHEN k.connoinherit AND k.contype IN ('c', 'n') THEN 'no inherit' END,
                       CASE WHEN k.conparentid <> 0 THEN 'of a partitioned parent' END) AS line
                FROM pg_constraint k
                LEFT JOIN pg_class c ON c.oid = k.conrelid
                LEFT JOIN pg_type t ON t.oid = k.contypid
                JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace)
                WHERE %2$s AND (k.conrelid = 0 OR %3$s) AND (k.contypid = 0 OR %4$s)""".formatted(
                relationWord("c"), userSchema("n"), notInExtension("pg_class", "c.oid"),
                notInExtension("pg_type", "t.oid")));
    }

    /**
     * Indexes as pg_get_indexdef prints them, with what CREATE INDEX does not say: CLUSTER ON,
     * replica identity, the parent index a partition's index is attached to, statistics targets
     * of expression columns, and validity (a partitioned index is invalid until every partition
     * has one attached).
     */
    private static Section indexes() {
        return new Section("indexes", """
                SELECT concat_ws(', ',
                       format('index %%s: %%s', x.indexrelid::regclass, pg_get_indexdef(x.indexrelid)),
                       CASE WHEN x.indisclustered THEN 'clustered' END,
                       CASE WHEN x.indisreplident THEN 'replica identity' END,
                       CASE WHEN NOT x.indisvalid THEN 'invalid' END,
                       (SELECT 'partition of ' || i.inhparent::regclass FROM pg_inherits i WHERE i.inhrelid = x.indexrelid),
                       'tablespace ' || (SELECT quote_ident(spcname) FROM pg_tablespace WHERE oid = ic.reltablespace),
                       (SELECT string_agg(format('column %%s statistics %%s', a.attnum, a.attstattarget), ', ' ORDER BY a.attnum)
                        FROM pg_attribute a WHERE a.attrelid = x.indexrelid AND a.attstattarget >= 0)) AS line
                FROM pg_index x
                JOIN pg_class ic ON ic.oid = x.indexrelid
                JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE %s""".formatted(userRelation("c", "n")));
    }

    /**
     * Triggers as pg_get_triggerdef prints them, with their enabled state. Internal triggers
     * (foreign keys' and others', whose names hold OIDs) are left out. A trigger on a partitioned
     * table is cloned onto each partition: the clones (13+: tgparentid <> 0; 12 marks them
     * internal) are listed only where their enabled state differs from the parent's, as pg_dump
     * does.
     */
    private static Section triggers(int version) {
        String notClone = version >= 130000 ? "t.tgparentid = 0" : "true";
        String clones = version >= 130000 ? """
                UNION ALL
                SELECT format('%%s %%s trigger %%I: clone of the trigger of %%s, %%s', %1$s, t.tgrelid::regclass, t.tgname,
                              p.tgrelid::regclass, %2$s)
                FROM pg_trigger t
                JOIN pg_trigger p ON p.oid = t.tgparentid
                JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT p.tgisinternal AND t.tgenabled <> p.tgenabled AND %3$s""".formatted(
                relationWord("c"), enabledState("t.tgenabled"), userRelation("c", "n")) : "";
        return new Section("triggers", """
                SELECT format('%%s %%s trigger %%I: %%s, %%s', %1$s, t.tgrelid::regclass, t.tgname,
                              pg_get_triggerdef(t.oid, false), %2$s) AS line
                FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND %3$s AND %4$s
                """.formatted(relationWord("c"), enabledState("t.tgenabled"), notClone, userRelation("c", "n"))
                + clones);
    }

    /** Event triggers; the tag list is sorted as its order has no meaning. */
    private static Section eventTriggers() {
        return new Section("event triggers", """
                SELECT concat_ws(', ',
                       format('event trigger %%I: on %%s', e.evtname, e.evtevent),
                       'tags (' || (SELECT string_agg(quote_literal(tag), ', ' ORDER BY tag COLLATE "C")
                                    FROM unnest(e.evttags) tag) || ')',
                       'function ' || e.evtfoid::regprocedure,
                       %s) AS line
                FROM pg_event_trigger e
                WHERE %s""".formatted(enabledState("e.evtenabled"), notInExtension("pg_event_trigger", "e.oid")));
    }

    /** Rules other than the _RETURN rule that makes a view (that one is the view's definition). */
    private static Section rules() {
        return new Section("rules", """
                SELECT format('%%s %%s rule %%I: %%s, %%s', %s, r.ev_class::regclass, r.rulename,
                              pg_get_ruledef(r.oid, false), %s) AS line
                FROM pg_rewrite r
                JOIN pg_class c ON c.oid = r.ev_class
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE r.rulename <> '_RETURN' AND %s""".formatted(relationWord("c"), enabledState("r.ev_enabled"),
                userRelation("c", "n")));
    }

    /** Row-level security policies; polroles holds 0 for PUBLIC. */
    private static Section policies() {
        return new Section("policies", """
                SELECT concat_ws(', ',
                       format('%%s %%s policy %%I: %%s', %s, p.polrelid::regclass, p.polname,
                              CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END),
                       'for ' || CASE p.polcmd WHEN '*' THEN 'all' WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert'
                                               WHEN 'w' THEN 'update' WHEN 'd' THEN 'delete' END,
                       'to ' || (SELECT string_agg(r.name, ', ' ORDER BY r.name COLLATE "C")
                                 FROM (SELECT CASE WHEN role.oid = 0 THEN 'public' ELSE quote_ident(ro.rolname) END
                                       FROM unnest(p.polroles) role(oid) LEFT JOIN pg_roles ro ON ro.oid = role.oid) r(name)),
                       'using (' || pg_get_expr(p.polqual, p.polrelid) || ')',
                       'with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')') AS line
                FROM pg_policy p
                JOIN pg_class c ON c.oid = p.polrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE %s""".formatted(relationWord("c"), userRelation("c", "n")));
    }

    /**
     * Publications (per database, in no schema). publish_via_partition_root came in 13,
     * publish_generated_columns in 18 (pubgencols: 'n' none, 's' stored).
     */
    private static Section publications(int version) {
        String viaRoot = version >= 130000 ? "CASE WHEN p.pubviaroot THEN 'via partition root' END" : "NULL";
        String generated = version >= 180000
                ? "'generated columns ' || CASE p.pubgencols WHEN 'n' THEN 'none' WHEN 's' THEN 'stored'"
                        + " ELSE p.pubgencols::text END"
                : "NULL";
        return new Section("publications", """
                SELECT concat_ws(', ',
                       format('publication %%I: %%s', p.pubname,
                              CASE WHEN p.puballtables THEN 'all tables' ELSE 'listed tables' END),
                       'publish (' || concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
                                                CASE WHEN p.pubupdate THEN 'update' END,
                                                CASE WHEN p.pubdelete THEN 'delete' END,
                                                CASE WHEN p.pubtruncate THEN 'truncate' END) || ')',
                       %s,
                       %s) AS line
                FROM pg_publication p
                WHERE %s""".formatted(viaRoot, generated, notInExtension("pg_publication", "p.oid")));
    }

    /** The tables of publications, with 15's row filter and column list, and 15's schemas. */
    private static Section publicationMembers(int version) {
        String rowFilter = version >= 150000 ? "'where (' || pg_get_expr(pr.prqual, pr.prrelid) || ')'" : "NULL";
        String columns = version >= 150000 ? """
                'columns (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
                                FROM unnest(pr.prattrs) WITH ORDINALITY k(attnum, ord)
                                JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum) || ')'"""
                : "NULL";
        String schemas = version >= 150000 ? """
                UNION ALL
                SELECT format('publication %I schema %I', p.pubname, n.nspname)
                FROM pg_publication_namespace pn
                JOIN pg_publication p ON p.oid = pn.pnpubid
                JOIN pg_namespace n ON n.oid = pn.pnnspid""" : "";
        return new Section("publication members", """
                SELECT concat_ws(', ', format('publication %%I table %%s', p.pubname, pr.prrelid::regclass), %s, %s) AS line
                FROM pg_publication_rel pr
                JOIN pg_publication p ON p.oid = pr.prpubid
                """.formatted(rowFilter, columns) + schemas);
    }

    /** Extended statistics; their statistics target came in 13 (-1 default, NULL from 17). */
    private static Section statistics(int version) {
        String target = version >= 130000
                ? "CASE WHEN s.stxstattarget >= 0 THEN 'statistics target ' || s.stxstattarget END" : "NULL";
        return new Section("statistics", """
                SELECT concat_ws(', ', format('statistics %%I.%%I: %%s', n.nspname, s.stxname, pg_get_statisticsobjdef(s.oid)),
                       %s) AS line
                FROM pg_statistic_ext s
                JOIN pg_namespace n ON n.oid = s.stxnamespace
                WHERE %s AND %s""".formatted(target, userSchema("n"), notInExtension("pg_statistic_ext", "s.oid")));
    }

    private static Section textSearchParsers() {
        return new Section("text search parsers", """
                SELECT concat_ws(', ', format('text search parser %%I.%%I: start %%s, gettoken %%s, end %%s, lextypes %%s',
                                              n.nspname, p.prsname, p.prsstart::regprocedure, p.prstoken::regprocedure,
                                              p.prsend::regprocedure, p.prslextype::regprocedure),
                       'headline ' || nullif(p.prsheadline, 0)::regprocedure) AS line
                FROM pg_ts_parser p JOIN pg_namespace n ON n.oid = p.prsnamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_ts_parser", "p.oid")));
    }

    private static Section textSearchTemplates() {
        return new Section("text search templates", """
                SELECT concat_ws(', ', format('text search template %%I.%%I: lexize %%s', n.nspname, t.tmplname,
                                              t.tmpllexize::regprocedure),
                       'init ' || nullif(t.tmplinit, 0)::regprocedure) AS line
                FROM pg_ts_template t JOIN pg_namespace n ON n.oid = t.tmplnamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_ts_template", "t.oid")));
    }

    private static Section textSearchDictionaries() {
        return new Section("text search dictionaries", """
                SELECT concat_ws(', ', format('text search dictionary %%s: template %%I.%%I', d.oid::regdictionary,
                                              tn.nspname, t.tmplname),
                       'options ' || d.dictinitoption) AS line
                FROM pg_ts_dict d
                JOIN pg_namespace n ON n.oid = d.dictnamespace
                JOIN pg_ts_template t ON t.oid = d.dicttemplate
                JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
                WHERE %s AND %s""".formatted(userSchema("n"), notInExtension("pg_ts_dict", "d.oid")));
    }

    /**
     * Text search configurations: the parser, then one line per token type that has a mapping,
     * named by the parser's alias for it, with its dictionaries in the order they are tried.
     */
    private static Section textSearchConfigurations() {
        return new Section("text search configurations", """
                SELECT format('text search configuration %%s: parser %%I.%%I', c.oid::regconfig, pn.nspname, p.prsname) AS line
                FROM pg_ts_config c
                JOIN pg_namespace n ON n.oid = c.cfgnamespace
                JOIN pg_ts_parser p ON p.oid = c.cfgparser
                JOIN pg_namespace pn ON pn.oid = p.prsnamespace
                WHERE %1$s AND %2$s
                UNION ALL
                SELECT format('text search configuration %%s mapping %%s: %%s', c.oid::regconfig, tt.alias,
                              string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno))
                FROM pg_ts_config c
                JOIN pg_namespace n ON n.oid = c.cfgnamespace
                CROSS JOIN LATERAL ts_token_type(c.cfgparser) tt
                JOIN pg_ts_config_map m ON m.mapcfg = c.oid AND m.maptokentype = tt.tokid
                WHERE %1$s AND %2$s
                GROUP BY c.oid, tt.alias""".formatted(userSchema("n"), notInExtension("pg_ts_config", "c.oid")));
    }

    private static Section foreignDataWrappers() {
        return new Section("foreign-data wrappers", """
                SELECT concat_ws(', ', format('foreign-data wrapper %%I: handler %%s, validator %%s', w.fdwname,
                                              w.fdwhandler::regprocedure, w.fdwvalidator::regprocedure),
                       'options ' || %s) AS line
                FROM pg_foreign_data_wrapper w
                WHERE %s""".formatted(sortedOptions("w.fdwoptions"), notInExtension("pg_foreign_data_wrapper", "w.oid")));
    }

    private static Section foreignServers() {
        return new Section("foreign servers", """
                SELECT concat_ws(', ', format('server %%I: wrapper %%I', s.srvname, w.fdwname),
                       'type ' || quote_literal(s.srvtype), 'version ' || quote_literal(s.srvversion),
                       'options ' || %s) AS line
                FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                WHERE %s""".formatted(sortedOptions("s.srvoptions"), notInExtension("pg_foreign_server", "s.oid")));
    }

    /**
     * User mappings, read through the pg_user_mappings view: the pg_user_mapping catalog is for
     * superusers only. umuser 0 is PUBLIC.
     */
    private static Section userMappings() {
        return new Section("user mappings", """
                SELECT format('user mapping for %%s server %%I: options %%s',
                              CASE WHEN u.umuser = 0 THEN 'public' ELSE quote_ident(u.usename) END, u.srvname,
                              coalesce(%s, '()')) AS line
                FROM pg_user_mappings u""".formatted(sortedOptions("u.umoptions")));
    }

    /**
     * Comments on user objects, each named by pg_identify_object (quoted, qualified). User
     * objects are those made after initdb, plus the user schemas (public is made by initdb, and
     * its comment can be changed); objects in system schemas and extension members are left out.
     * pg_shdescription (databases, roles, tablespaces) is cluster-wide and not described.
     */
    private static Section comments() {
        return new Section("comments", """
                SELECT format('comment on %%s: %%L', %s, d.description) AS line
                FROM pg_description d
                WHERE %s""".formatted(identity("d.classoid", "d.objoid", "d.objsubid"), userObject("d.classoid", "d.objoid")));
    }

    private static Section securityLabels() {
        return new Section("security labels", """
                SELECT format('security label %%s on %%s: %%L', quote_ident(l.provider),
                              %s, l.label) AS line
                FROM pg_seclabel l
                WHERE %s""".formatted(identity("l.classoid", "l.objoid", "l.objsubid"), userObject("l.classoid", "l.objoid")));
    }

    /** An object (by catalog and OID) made after initdb, or a user schema, outside system schemas and extensions. */
    private static String userObject(String classoid, String objoid) {
        return """
                (%2$s >= %3$s OR %1$s = 'pg_namespace'::regclass)
                  AND coalesce((pg_identify_object(%1$s, %2$s, 0)).schema !~ '^pg_'
                               AND (pg_identify_object(%1$s, %2$s, 0)).schema <> 'information_schema', true)
                  AND NOT (%1$s = 'pg_namespace'::regclass
                           AND (SELECT nspname FROM pg_namespace WHERE oid = %2$s) ~ '^(pg_|information_schema$)')
                  AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = %1$s AND x.objid = %2$s AND x.deptype = 'e')"""
                .formatted(classoid, objoid, FIRST_USER_OID);
    }

    /** Large objects are data, but their number, OIDs (kept by a dump) and comments are not; count them here. */
    private static Section largeObjects() {
        return new Section("large objects", """
                SELECT 'large objects: ' || count(*) || ', oids ' || min(oid) || ' to ' || max(oid) AS line
                FROM pg_largeobject_metadata
                HAVING count(*) > 0""");
    }

    // ---- owners and privileges (only on request) ---------------------------------------------

    /**
     * A catalog of owned objects: its owner and ACL columns (acl null when it has none), the
     * letter acldefault() takes for it, which of its rows are the user's, and the catalog
     * pg_identify_object knows its rows by (large objects are pg_largeobject's).
     */
    private record Owned(String catalog, String ownerColumn, String aclColumn, String aclKind, String filter,
                         String identifiedAs) {

        Owned(String catalog, String ownerColumn, String aclColumn, String aclKind, String filter) {
            this(catalog, ownerColumn, aclColumn, aclKind, filter, catalog);
        }

        Owned(String catalog, String ownerColumn, String filter) {
            this(catalog, ownerColumn, null, null, filter, catalog);
        }
    }

    /**
     * The owned object kinds and how to tell a user's from initdb's. Types skip arrays, row types
     * and multiranges as the types section does (they follow their owner); indexes and toast
     * tables follow their table. Objects without a schema count when made after initdb.
     */
    private static List<Owned> ownedKinds() {
        String inUserSchema = "EXISTS (SELECT FROM pg_namespace n WHERE n.oid = o.%s AND " + userSchema("n") + ")";
        String madeByUser = "o.oid >= " + FIRST_USER_OID;
        return List.of(
                new Owned("pg_namespace", "nspowner", "nspacl", "'n'", userSchema("o")),
                new Owned("pg_class", "relowner", "relacl", "CASE WHEN o.relkind = 'S' THEN 's' ELSE 'r' END",
                        "o.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND " + inUserSchema.formatted("relnamespace")),
                new Owned("pg_proc", "proowner", "proacl", "'f'", inUserSchema.formatted("pronamespace")
                        + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                        + " AND d.objid = o.oid AND d.deptype = 'i')"),
                new Owned("pg_type", "typowner", "typacl", "'T'",
                        "o.typtype <> 'm' AND (o.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = o.typrelid) = 'c')"
                                + " AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = o.oid) AND "
                                + inUserSchema.formatted("typnamespace")),
                new Owned("pg_collation", "collowner", inUserSchema.formatted("collnamespace")),
                new Owned("pg_conversion", "conowner", inUserSchema.formatted("connamespace")),
                new Owned("pg_operator", "oprowner", inUserSchema.formatted("oprnamespace")),
                new Owned("pg_opfamily", "opfowner", inUserSchema.formatted("opfnamespace")),
                new Owned("pg_opclass", "opcowner", inUserSchema.formatted("opcnamespace")),
                new Owned("pg_ts_dict", "dictowner", inUserSchema.formatted("dictnamespace")),
                new Owned("pg_ts_config", "cfgowner", inUserSchema.formatted("cfgnamespace")),
                new Owned("pg_statistic_ext", "stxowner", inUserSchema.formatted("stxnamespace")),
                new Owned("pg_extension", "extowner", madeByUser),
                new Owned("pg_event_trigger", "evtowner", "true"),
                new Owned("pg_publication", "pubowner", "true"),
                new Owned("pg_language", "lanowner", "lanacl", "'l'", madeByUser),
                new Owned("pg_foreign_data_wrapper", "fdwowner", "fdwacl", "'F'", "true"),
                new Owned("pg_foreign_server", "srvowner", "srvacl", "'S'", "true"),
                new Owned("pg_largeobject_metadata", "lomowner", "lomacl", "'L'", "true", "pg_largeobject"));
    }

    private static Section owners() {
        List<String> parts = new ArrayList<>();
        for (Owned kind : ownedKinds()) {
            parts.add("""
                    SELECT format('owner of %%s: %%I', %s, pg_get_userbyid(o.%s)) AS line
                    FROM %s o
                    WHERE %s AND %s""".formatted(identity("'" + kind.identifiedAs() + "'::regclass", "o.oid", "0"),
                    kind.ownerColumn(), kind.catalog(), kind.filter(), notInExtension(kind.catalog(), "o.oid")));
        }
        return new Section("owners", String.join("\nUNION ALL\n", parts));
    }

    /**
     * ACLs as the server explodes them ({@code aclexplode}): one line per privilege, grantee and
     * grantor, e.g. {@code privilege on table app.t: SELECT to reader by owner, with grant option}.
     * NULL (the built-in default) is replaced by {@code acldefault()}, so an ACL granted back to its
     * default reads as the default; the lines are sorted, so the order of GRANTs leaves no trace.
     */
    private static Section privileges() {
        List<String> parts = new ArrayList<>();
        for (Owned kind : ownedKinds()) {
            if (kind.aclColumn() == null) {
                continue;
            }
            parts.add("""
                    SELECT format('privilege on %%s: %%s', %s, %s) AS line
                    FROM %s o, aclexplode(coalesce(o.%s, acldefault((%s)::"char", o.%s))) a
                    WHERE %s AND %s""".formatted(identity("'" + kind.identifiedAs() + "'::regclass", "o.oid", "0"),
                    grant("a"), kind.catalog(), kind.aclColumn(), kind.aclKind(), kind.ownerColumn(), kind.filter(),
                    notInExtension(kind.catalog(), "o.oid")));
        }
        return new Section("privileges", String.join("\nUNION ALL\n", parts));
    }

    /** Column ACLs are NULL unless a column privilege was granted; there is no default to fill in. */
    private static Section columnPrivileges() {
        return new Section("column privileges", """
                SELECT format('privilege on %%s: %%s', %s, %s) AS line
                FROM pg_attribute att
                CROSS JOIN aclexplode(att.attacl) a
                JOIN pg_class c ON c.oid = att.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE att.attacl IS NOT NULL AND att.attnum > 0 AND NOT att.attisdropped AND %s""".formatted(
                identity("'pg_class'::regclass", "c.oid", "att.attnum"), grant("a"), userRelation("c", "n")));
    }

    /**
     * ALTER DEFAULT PRIVILEGES entries of pg_default_acl, exploded like the ACLs of objects;
     * defaclnamespace 0 means every schema.
     */
    private static Section defaultPrivileges() {
        return new Section("default privileges", """
                SELECT format('default privilege of %%I%%s on %%s: %%s', pg_get_userbyid(d.defaclrole),
                              CASE WHEN d.defaclnamespace = 0 THEN '' ELSE ' in schema ' || quote_ident(n.nspname) END,
                              CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                                                   WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' WHEN 'L' THEN 'large objects'
                                                   ELSE d.defaclobjtype::text END,
                              %s) AS line
                FROM pg_default_acl d
                CROSS JOIN aclexplode(d.defaclacl) a
                LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace""".formatted(grant("a")));
    }

    /**
     * One row of {@code aclexplode} as {@code SELECT to reader by owner[, with grant option]};
     * grantee 0 is PUBLIC. Role names come from {@code pg_get_userbyid}, quoted when needed.
     */
    private static String grant(String alias) {
        return ("%1$s.privilege_type || ' to ' || CASE WHEN %1$s.grantee = 0 THEN 'PUBLIC'"
                + " ELSE quote_ident(pg_get_userbyid(%1$s.grantee)) END"
                + " || ' by ' || quote_ident(pg_get_userbyid(%1$s.grantor))"
                + " || CASE WHEN %1$s.is_grantable THEN ', with grant option' ELSE '' END").formatted(alias);
    }
}
