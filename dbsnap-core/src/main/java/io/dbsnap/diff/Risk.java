package io.dbsnap.diff;

import java.util.Locale;

/**
 * Why a change can lose data or break the callers of the database. A change carries the risks
 * that apply to it; reports mark such changes and count them apart.
 */
public enum Risk {
    SCHEMA_REMOVED("schema dropped: everything in it is gone"),
    TABLE_REMOVED("table dropped: its rows are lost"),
    COLUMN_REMOVED("column dropped: its values are lost"),
    ATTRIBUTE_REMOVED("attribute of a composite type dropped: its values in stored rows are lost"),
    TYPE_NARROWED("type narrowed: existing values may not fit, or lose precision"),
    TYPE_CHANGED("type changed to one that is not a widening: values are converted and callers see another type"),
    NOT_NULL_ADDED("NOT NULL added: writes of NULL now fail, and so does the migration if NULLs exist"),
    ENUM_VALUE_REMOVED("enum value removed: rows holding it cannot stay, callers sending it fail"),
    POLICY_REMOVED("row-level security policy removed: rows it allowed are hidden, or rows it restricted are exposed"),
    RLS_DISABLED("row-level security disabled: every row is visible to everyone with table privileges"),
    RLS_NO_LONGER_FORCED("row-level security no longer forced: the table's owner bypasses the policies again"),
    VIEW_REMOVED("view dropped: queries that read it fail"),
    ROUTINE_REMOVED("function or procedure dropped: calls to it fail"),
    SEQUENCE_REMOVED("sequence dropped: its position is lost, nextval() on it fails"),
    TYPE_REMOVED("type dropped: columns and callers using it are gone or fail"),
    EXTENSION_REMOVED("extension dropped: its types, functions and the columns using them are gone"),
    LARGE_OBJECT_REMOVED("large object removed: its contents are lost"),
    PRIVILEGE_REVOKED("privilege revoked: a role that used it now gets permission errors");

    private final String reason;

    Risk(String reason) {
        this.reason = reason;
    }

    /** What can go wrong, for people: {@code column dropped: its values are lost}. */
    public String reason() {
        return reason;
    }

    /** The short name before the colon of {@link #reason()}: {@code column dropped}. */
    public String title() {
        return reason.substring(0, reason.indexOf(':'));
    }

    /** The risk as the JSON report writes it: the constant in lower case, {@code column_removed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
