package io.dbsnap.diff;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between two catalogs (and their data, when both sides have data metadata): the
 * result of {@link SchemaDiff}. Changes are in report order: database-wide objects first, then by
 * schema, kind ({@link SubjectKind}'s order), table and name.
 *
 * @param before      the label of the first side
 * @param after       the label of the second side
 * @param changes     the objects added, removed or changed
 * @param dataChanges the tables whose rows differ, by table name; empty unless both sides have data
 */
public record DiffReport(String before, String after, List<Change> changes, List<DataChange> dataChanges) {

    /** The order of reports; see the class comment. */
    static final Comparator<Subject> SUBJECT_ORDER = Comparator.comparing(Subject::schema)
            .thenComparing(Subject::kind)
            .thenComparing(s -> s.table().orElse(""))
            .thenComparing(Subject::name)
            .thenComparing(s -> s.signature().orElse(""));

    public DiffReport {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changes = changes.stream().sorted(Comparator.comparing(Change::subject, SUBJECT_ORDER)).toList();
        dataChanges = dataChanges.stream().sorted(Comparator.comparing(DataChange::schema)
                .thenComparing(DataChange::table)).toList();
    }

    /** Whether the two sides are alike: no structural change and no data change. */
    public boolean isEmpty() {
        return changes.isEmpty() && dataChanges.isEmpty();
    }

    /** Whether any change can lose data or break callers. */
    public boolean hasRisks() {
        return changes.stream().anyMatch(Change::isRisky);
    }

    /** The changes that can lose data or break callers. */
    public List<Change> risky() {
        return changes.stream().filter(Change::isRisky).toList();
    }

    /** The changes of one kind of object. */
    public List<Change> changes(SubjectKind kind) {
        return changes.stream().filter(c -> c.subject().kind() == kind).toList();
    }

    /** The change of one object, if it changed. */
    public Optional<Change> change(Subject subject) {
        return changes.stream().filter(c -> c.subject().equals(subject)).findFirst();
    }

    /**
     * One line that counts the changes by kind and action, risky ones marked:
     * {@code 3 tables changed, 1 policy removed (risk), 2 tables with other row counts}; or
     * {@code no changes}.
     */
    public String summary() {
        return SummaryLine.of(this);
    }

    /** The report for people, grouped by schema and kind; see {@link DiffText}. */
    public String toText() {
        return DiffText.render(this);
    }

    /** The report as Markdown, for pull request comments; see {@link DiffMarkdown}. */
    public String toMarkdown() {
        return DiffMarkdown.render(this);
    }

    /** The report as JSON of a documented, stable shape; see {@link DiffJson}. */
    public String toJson() {
        return DiffJson.render(this);
    }
}
