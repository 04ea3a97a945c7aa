package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.OperatorFamilyMember;
import java.util.List;

/**
 * Compares the kinds of object added to the catalog after the first ones: operator families and
 * classes (with their members), access methods, languages, conversions, transforms, text search
 * parsers and templates, foreign data wrappers, servers, user mappings, foreign tables and
 * subscriptions.
 */
final class OtherKindsComparison {

    private OtherKindsComparison() {
    }

    static void compare(Catalog before, Catalog after, ChangeList changes) {
        changes.compare(before.operatorFamilies(), after.operatorFamilies(),
                f -> Subject.withSignature(SubjectKind.OPERATOR_FAMILY, f.name(), f.method()),
                (a, b, d) -> d.members("member", members(a.members()), members(b.members())));
        changes.compare(before.operatorClasses(), after.operatorClasses(),
                c -> Subject.withSignature(SubjectKind.OPERATOR_CLASS, c.name(), c.method()), (a, b, d) -> {
                    d.value("type", a.type(), b.type());
                    d.value("default", a.isDefault(), b.isDefault());
                    d.value("family", a.family().sql(), b.family().sql());
                    d.value("storage", a.storage(), b.storage());
                    d.members("member", members(a.members()), members(b.members()));
                });
        changes.compare(before.accessMethods(), after.accessMethods(),
                m -> Subject.databaseWide(SubjectKind.ACCESS_METHOD, m.name()), (a, b, d) -> {
                    d.value("type", a.type(), b.type());
                    d.value("handler", a.handler(), b.handler());
                });
        changes.compare(before.languages(), after.languages(),
                l -> Subject.databaseWide(SubjectKind.LANGUAGE, l.name()), (a, b, d) -> {
                    d.value("trusted", a.trusted(), b.trusted());
                    d.value("handler", a.handler(), b.handler());
                    d.value("inline", a.inline(), b.inline());
                    d.value("validator", a.validator(), b.validator());
                });
        changes.compare(before.conversions(), after.conversions(),
                c -> Subject.inSchema(SubjectKind.CONVERSION, c.name()), (a, b, d) -> {
                    d.value("source encoding", a.sourceEncoding(), b.sourceEncoding());
                    d.value("target encoding", a.targetEncoding(), b.targetEncoding());
                    d.value("function", a.function(), b.function());
                    d.value("default", a.isDefault(), b.isDefault());
                });
        changes.compare(before.transforms(), after.transforms(),
                t -> Subject.databaseWide(SubjectKind.TRANSFORM, t.type() + " LANGUAGE " + t.language()), (a, b, d) -> {
                    d.value("from sql", a.fromSql(), b.fromSql());
                    d.value("to sql", a.toSql(), b.toSql());
                });
        changes.compare(before.textSearchParsers(), after.textSearchParsers(),
                p -> Subject.inSchema(SubjectKind.TEXT_SEARCH_PARSER, p.name()), (a, b, d) -> {
                    d.value("start", a.start(), b.start());
                    d.value("gettoken", a.getToken(), b.getToken());
                    d.value("end", a.end(), b.end());
                    d.value("headline", a.headline(), b.headline());
                    d.value("lextypes", a.lexTypes(), b.lexTypes());
                });
        changes.compare(before.textSearchTemplates(), after.textSearchTemplates(),
                t -> Subject.inSchema(SubjectKind.TEXT_SEARCH_TEMPLATE, t.name()), (a, b, d) -> {
                    d.value("init", a.init(), b.init());
                    d.value("lexize", a.lexize(), b.lexize());
                });
        changes.compare(before.foreignDataWrappers(), after.foreignDataWrappers(),
                w -> Subject.databaseWide(SubjectKind.FOREIGN_DATA_WRAPPER, w.name()), (a, b, d) -> {
                    d.value("handler", a.handler(), b.handler());
                    d.value("validator", a.validator(), b.validator());
                    d.members("option", a.options(), b.options());
                });
        changes.compare(before.foreignServers(), after.foreignServers(),
                s -> Subject.databaseWide(SubjectKind.SERVER, s.name()), (a, b, d) -> {
                    d.value("foreign data wrapper", a.wrapper(), b.wrapper());
                    d.value("type", a.type(), b.type());
                    d.value("version", a.version(), b.version());
                    d.members("option", a.options(), b.options());
                });
        changes.compare(before.userMappings(), after.userMappings(),
                u -> Subject.databaseWide(SubjectKind.USER_MAPPING, u.user() + " SERVER " + u.server()),
                (a, b, d) -> d.members("option", a.options(), b.options()));
        changes.compare(before.foreignTables(), after.foreignTables(),
                f -> Subject.inSchema(SubjectKind.FOREIGN_TABLE, f.table().name()), (a, b, d) -> {
                    d.value("definition", a.table().toString(), b.table().toString());
                    d.value("server", a.server(), b.server());
                    d.members("option", a.options(), b.options());
                    d.members("column option", a.columnOptions().stream().map(c -> c.column() + " " + c.options()).toList(),
                            b.columnOptions().stream().map(c -> c.column() + " " + c.options()).toList());
                });
        changes.compare(before.subscriptions(), after.subscriptions(),
                s -> Subject.databaseWide(SubjectKind.SUBSCRIPTION, s.name()), (a, b, d) -> {
                    d.value("connection", a.connection(), b.connection());
                    d.members("publication", a.publications(), b.publications());
                    d.members("option", a.options(), b.options());
                });
    }

    private static List<String> members(List<OperatorFamilyMember> members) {
        return members.stream().map(OperatorFamilyMember::toString).toList();
    }
}
