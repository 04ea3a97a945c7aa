package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Collation;
import io.dbsnap.catalog.Operator;
import io.dbsnap.catalog.Publication;
import io.dbsnap.catalog.TextSearchConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the objects that are neither tables nor types nor routines: schemas, extensions
 * (version, schema), collations, operators, casts, text search dictionaries and configurations,
 * publications, event triggers and large objects.
 */
final class DatabaseObjectComparison {

    private DatabaseObjectComparison() {
    }

    static void compare(Catalog before, Catalog after, ChangeList changes) {
        changes.compare(before.schemas(), after.schemas(), s -> Subject.inSchema(SubjectKind.SCHEMA, s.name(), s.name()),
                (a, b, d) -> { });
        changes.compare(before.extensions(), after.extensions(), e -> Subject.databaseWide(SubjectKind.EXTENSION, e.name()),
                (a, b, d) -> {
                    d.value("version", a.version(), b.version());
                    d.value("schema", a.schema(), b.schema());
                    d.members("dependent", a.dependents(), b.dependents());
                });
        changes.compare(before.collations(), after.collations(), c -> Subject.inSchema(SubjectKind.COLLATION, c.name()),
                DatabaseObjectComparison::compareCollations);
        changes.compare(before.operators(), after.operators(),
                o -> Subject.withSignature(SubjectKind.OPERATOR, o.name(), o.leftType().orElse("NONE") + ", "
                        + o.rightType().orElse("NONE")), DatabaseObjectComparison::compareOperators);
        changes.compare(before.casts(), after.casts(),
                c -> Subject.databaseWide(SubjectKind.CAST, c.source() + " AS " + c.target()), (a, b, d) -> {
                    d.value("method", a.method(), b.method());
                    d.value("function", a.function(), b.function());
                    d.value("context", a.context(), b.context());
                });
        changes.compare(before.textSearchDictionaries(), after.textSearchDictionaries(),
                t -> Subject.inSchema(SubjectKind.TEXT_SEARCH_DICTIONARY, t.name()), (a, b, d) -> {
                    d.value("template", a.template(), b.template());
                    d.value("options", a.options(), b.options());
                });
        changes.compare(before.textSearchConfigurations(), after.textSearchConfigurations(),
                t -> Subject.inSchema(SubjectKind.TEXT_SEARCH_CONFIGURATION, t.name()),
                DatabaseObjectComparison::compareTextSearchConfigurations);
        changes.compare(before.publications(), after.publications(),
                p -> Subject.databaseWide(SubjectKind.PUBLICATION, p.name()), DatabaseObjectComparison::comparePublications);
        changes.compare(before.eventTriggers(), after.eventTriggers(),
                e -> Subject.databaseWide(SubjectKind.EVENT_TRIGGER, e.name()), (a, b, d) -> {
                    d.value("event", a.event(), b.event());
                    d.members("tag", a.tags(), b.tags());
                    d.value("function", a.function(), b.function());
                    d.value("enabled", TableObjectComparison.enabledState(a.enabled()),
                            TableObjectComparison.enabledState(b.enabled()));
                });
        changes.compare(before.largeObjects(), after.largeObjects(),
                l -> Subject.databaseWide(SubjectKind.LARGE_OBJECT, Long.toString(l.oid())), (a, b, d) -> { });
    }

    private static void compareCollations(Collation a, Collation b, Differences differences) {
        differences.value("provider", a.provider(), b.provider());
        differences.value("locale", a.locale(), b.locale());
        differences.value("lc_collate", a.lcCollate(), b.lcCollate());
        differences.value("lc_ctype", a.lcCtype(), b.lcCtype());
        differences.value("deterministic", a.deterministic(), b.deterministic());
        differences.value("rules", a.rules(), b.rules());
        differences.value("any encoding", a.anyEncoding(), b.anyEncoding());
    }

    private static void compareOperators(Operator a, Operator b, Differences differences) {
        differences.value("function", a.function(), b.function());
        differences.value("commutator", a.commutator(), b.commutator());
        differences.value("negator", a.negator(), b.negator());
        differences.value("restrict", a.restrict(), b.restrict());
        differences.value("join", a.join(), b.join());
        differences.value("hashes", a.hashes(), b.hashes());
        differences.value("merges", a.merges(), b.merges());
    }

    private static void compareTextSearchConfigurations(TextSearchConfiguration a, TextSearchConfiguration b,
                                                        Differences differences) {
        differences.value("parser", a.parser(), b.parser());
        Map<String, List<String>> first = mappings(a);
        Map<String, List<String>> second = mappings(b);
        first.forEach((token, dictionaries) -> {
            if (!second.containsKey(token)) {
                differences.add(Difference.removed("mapping for " + token, String.join(", ", dictionaries)));
            } else {
                differences.value("mapping for " + token, dictionaries, second.get(token));
            }
        });
        second.forEach((token, dictionaries) -> {
            if (!first.containsKey(token)) {
                differences.add(Difference.added("mapping for " + token, String.join(", ", dictionaries)));
            }
        });
    }

    private static Map<String, List<String>> mappings(TextSearchConfiguration configuration) {
        Map<String, List<String>> mappings = new LinkedHashMap<>();
        configuration.mappings().forEach(m -> mappings.put(m.token(), m.dictionaries()));
        return mappings;
    }

    private static void comparePublications(Publication a, Publication b, Differences differences) {
        differences.value("all tables", a.allTables(), b.allTables());
        differences.value("publish", a.publish(), b.publish());
        differences.value("via partition root", a.viaPartitionRoot(), b.viaPartitionRoot());
        differences.value("generated columns", a.generatedColumns(), b.generatedColumns());
        differences.members("table", a.tables().stream().map(DatabaseObjectComparison::member).toList(),
                b.tables().stream().map(DatabaseObjectComparison::member).toList());
        differences.members("schema", a.schemas(), b.schemas());
    }

    /** A published table as {@code ALTER PUBLICATION ... ADD TABLE} would name it: columns and row filter with it. */
    private static String member(Publication.Member member) {
        return member.table().sql() + (member.columns().isEmpty() ? "" : " (" + String.join(", ", member.columns()) + ")")
                + member.filter().map(f -> " WHERE " + f).orElse("");
    }
}
