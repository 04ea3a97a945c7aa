package io.dbsnap.diff;

import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * The object a {@link Change} is about, identified as the catalog identifies it: two catalogs'
 * objects with equal subjects are the same object, whatever their OIDs.
 *
 * @param kind      what kind of object it is
 * @param schema    its schema; for a schema itself its own name; empty for database-wide objects
 *                  (extensions, casts, publications, event triggers, large objects)
 * @param table     for objects that live on a table or view (columns, constraints, triggers,
 *                  policies, rules), that table's name (in {@code schema})
 * @param name      the object's own name, unquoted; for a cast {@code source AS target}, for a
 *                  large object its OID; for comments, owners, privileges and security labels
 *                  the object they belong to as {@code COMMENT ON} or {@code GRANT} names it,
 *                  e.g. {@code TABLE app.users}
 * @param signature the identity arguments of a function, procedure or aggregate (which tell
 *                  overloads apart) and the {@code left, right} argument types of an operator;
 *                  the provider of a security label
 */
public record Subject(SubjectKind kind, String schema, Optional<String> table, String name, Optional<String> signature) {

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
    }

    /** An object named within a schema: a table, a view, a type, ... */
    public static Subject inSchema(SubjectKind kind, String schema, String name) {
        return new Subject(kind, schema, Optional.empty(), name, Optional.empty());
    }

    /** An object named within a schema: a table, a view, a type, ... */
    public static Subject inSchema(SubjectKind kind, QualifiedName name) {
        return inSchema(kind, name.schema(), name.name());
    }

    /** A function, procedure, aggregate or operator, told apart from its overloads by its arguments. */
    public static Subject withSignature(SubjectKind kind, QualifiedName name, String signature) {
        return new Subject(kind, name.schema(), Optional.empty(), name.name(), Optional.of(signature));
    }

    /** An object that lives on a table or view: a column, constraint, trigger, policy or rule. */
    public static Subject onTable(SubjectKind kind, QualifiedName table, String name) {
        return new Subject(kind, table.schema(), Optional.of(table.name()), name, Optional.empty());
    }

    /** An object of the whole database: an extension, cast, publication, event trigger, large object. */
    public static Subject databaseWide(SubjectKind kind, String name) {
        return new Subject(kind, "", Optional.empty(), name, Optional.empty());
    }

    /** The table an object lives on, when it lives on one. */
    public Optional<QualifiedName> tableName() {
        return table.map(t -> new QualifiedName(schema, t));
    }

    /**
     * How reports name the object within its kind, as SQL would write it: {@code app.users.email}
     * for a column, {@code app.add_one(integer)}, {@code own_rows on app.users} for a policy,
     * {@code (text AS app.code)} for a cast, {@code on TABLE app.users} for a comment.
     */
    public String displayName() {
        return switch (kind) {
            case SCHEMA, EXTENSION, PUBLICATION, EVENT_TRIGGER -> Identifiers.quote(name);
            case CAST -> "(" + name + ")";
            case LARGE_OBJECT -> name;
            case COLUMN -> tableName().map(QualifiedName::sql).orElse("") + "." + Identifiers.quote(name);
            case CONSTRAINT, TRIGGER, POLICY, RULE -> Identifiers.quote(name) + " on "
                    + tableName().map(QualifiedName::sql).orElse("");
            case OPERATOR -> Identifiers.quote(schema) + "." + name + " (" + signature.orElse("") + ")";
            case FUNCTION, PROCEDURE, AGGREGATE -> Identifiers.qualified(schema, name) + "(" + signature.orElse("") + ")";
            case COMMENT, PRIVILEGES -> "on " + name;
            case OWNER -> "of " + name;
            case SECURITY_LABEL -> "(" + signature.orElse("") + ") on " + name;
            case DEFAULT_PRIVILEGES -> name;
            default -> Identifiers.qualified(schema, name);
        };
    }

    /**
     * The kind and the name, e.g. {@code column app.users.email},
     * {@code function app.add_one(integer)}, {@code comment on TABLE app.users}.
     */
    @Override
    public String toString() {
        return kind.singular() + " " + displayName();
    }
}
