package io.dbsnap.diff;

import java.util.Locale;

/**
 * What kind of object a {@link Change} is about: the kinds of the catalog model, with user types
 * told apart (an enum's changes read differently from a domain's) and columns and the
 * annotations of objects (comments, owners, privileges) as subjects of their own. In the order a
 * report lists them within a schema.
 */
public enum SubjectKind {
    SCHEMA("schema", "schemas"),
    EXTENSION("extension", "extensions"),
    COLLATION("collation", "collations"),
    ENUM("enum type", "enum types"),
    DOMAIN("domain", "domains"),
    COMPOSITE_TYPE("composite type", "composite types"),
    RANGE_TYPE("range type", "range types"),
    BASE_TYPE("base type", "base types"),
    FUNCTION("function", "functions"),
    PROCEDURE("procedure", "procedures"),
    AGGREGATE("aggregate", "aggregates"),
    OPERATOR("operator", "operators"),
    OPERATOR_FAMILY("operator family", "operator families"),
    OPERATOR_CLASS("operator class", "operator classes"),
    CAST("cast", "casts"),
    TRANSFORM("transform", "transforms"),
    CONVERSION("conversion", "conversions"),
    ACCESS_METHOD("access method", "access methods"),
    LANGUAGE("language", "languages"),
    TEXT_SEARCH_PARSER("text search parser", "text search parsers"),
    TEXT_SEARCH_TEMPLATE("text search template", "text search templates"),
    TEXT_SEARCH_DICTIONARY("text search dictionary", "text search dictionaries"),
    TEXT_SEARCH_CONFIGURATION("text search configuration", "text search configurations"),
    SEQUENCE("sequence", "sequences"),
    FOREIGN_DATA_WRAPPER("foreign data wrapper", "foreign data wrappers"),
    SERVER("server", "servers"),
    USER_MAPPING("user mapping", "user mappings"),
    TABLE("table", "tables"),
    FOREIGN_TABLE("foreign table", "foreign tables"),
    COLUMN("column", "columns"),
    CONSTRAINT("constraint", "constraints"),
    INDEX("index", "indexes"),
    VIEW("view", "views"),
    MATERIALIZED_VIEW("materialized view", "materialized views"),
    STATISTICS("statistics object", "statistics objects"),
    RULE("rule", "rules"),
    TRIGGER("trigger", "triggers"),
    POLICY("policy", "policies"),
    PUBLICATION("publication", "publications"),
    SUBSCRIPTION("subscription", "subscriptions"),
    EVENT_TRIGGER("event trigger", "event triggers"),
    LARGE_OBJECT("large object", "large objects"),
    COMMENT("comment", "comments"),
    SECURITY_LABEL("security label", "security labels"),
    OWNER("owner", "owners"),
    PRIVILEGES("privileges", "privileges"),
    DEFAULT_PRIVILEGES("default privileges", "default privileges");

    private final String singular;
    private final String plural;

    SubjectKind(String singular, String plural) {
        this.singular = singular;
        this.plural = plural;
    }

    /** How a report names one object of this kind: {@code materialized view}. */
    public String singular() {
        return singular;
    }

    /** How a report names several: {@code policies}. */
    public String plural() {
        return plural;
    }

    /** {@code one} or {@code plural} as {@code count} asks, for summaries. */
    public String label(long count) {
        return count == 1 ? singular : plural;
    }

    /** The kind as the JSON report writes it: the constant in lower case, {@code materialized_view}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
