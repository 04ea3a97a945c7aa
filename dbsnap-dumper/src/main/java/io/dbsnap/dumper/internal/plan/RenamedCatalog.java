package io.dbsnap.dumper.internal.plan;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.Ownership;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Rule;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.migration.MigrationStep;
import io.dbsnap.migration.Renames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A catalog as it stands after the caller's {@link Renames} ran on it: tables and columns under
 * their new names, and what names a renamed table by it (its constraints, indexes, triggers,
 * rules, policies, comments, owner, grants, dependencies) following, as the server makes them
 * follow. The planner plans from this catalog after the {@code RENAME} steps; what still differs
 * (a definition that spells an old column name, say) is compared as any other change.
 */
public final class RenamedCatalog {

    private final Renames renames;
    private final List<MigrationStep> steps = new ArrayList<>();

    private RenamedCatalog(Renames renames) {
        this.renames = renames;
    }

    /** The {@code RENAME} steps and the catalog after them. */
    public record Result(List<MigrationStep> steps, Catalog catalog) {
    }

    public static Result of(Catalog c, Renames renames) {
        RenamedCatalog r = new RenamedCatalog(renames);
        Catalog renamed = r.rename(c);
        return new Result(List.copyOf(r.steps), renamed);
    }

    private Catalog rename(Catalog c) {
        for (Table t : c.tables()) {
            QualifiedName to = renames.renamed(t.name());
            if (!to.equals(t.name())) {
                steps.add(MigrationStep.of("ALTER TABLE " + t.name().sql() + " RENAME TO " + quote(to.name()) + ";"));
            }
            for (Map.Entry<String, String> column : renames.columns().getOrDefault(to, Map.of()).entrySet()) {
                if (t.columns().stream().anyMatch(x -> x.name().equals(column.getKey()))) {
                    steps.add(MigrationStep.of("ALTER TABLE " + to.sql() + " RENAME COLUMN " + quote(column.getKey())
                            + " TO " + quote(column.getValue()) + ";"));
                }
            }
        }
        if (steps.isEmpty()) {
            return c;
        }
        return new Catalog(c.schemas(), c.extensions(), c.collations(), c.types(), c.sequences(),
                c.tables().stream().map(this::table).toList(), c.views(),
                c.indexes().stream().map(i -> new Index(i.name(), name(i.table()), i.definition().replace(" ON "
                        + i.table().sql() + " ", " ON " + name(i.table()).sql() + " "), i.columnStatistics())).toList(),
                c.indexAttachments(), c.routines(), c.operators(), c.casts(), c.textSearchDictionaries(),
                c.textSearchConfigurations(),
                c.triggers().stream().map(x -> new Trigger(name(x.table()), x.name(), x.definition(), x.enabled(),
                        x.cloneOf())).toList(),
                c.rules().stream().map(x -> new Rule(name(x.table()), x.name(), x.definition(), x.enabled())).toList(),
                c.statistics(),
                c.policies().stream().map(x -> new Policy(name(x.table()), x.name(), x.permissive(), x.command(), x.roles(),
                        x.using(), x.withCheck())).toList(),
                c.publications(), c.eventTriggers(), c.largeObjects(),
                c.comments().stream().map(x -> new Comment(target(x.target()), x.text())).toList(),
                c.securityLabels(),
                c.owners().stream().map(x -> new Ownership(target(x.target()), x.owner())).toList(),
                c.privileges().stream().map(this::privileges).toList(),
                c.defaultPrivileges(),
                c.dependencies().stream().map(d -> new Dependency(id(d.dependent()), id(d.referenced()))).toList(),
                c.operatorFamilies(), c.operatorClasses(), c.accessMethods(), c.languages(), c.conversions(),
                c.transforms(), c.textSearchParsers(), c.textSearchTemplates(), c.foreignDataWrappers(),
                c.foreignServers(), c.userMappings(), c.foreignTables(), c.subscriptions());
    }

    private Table table(Table t) {
        QualifiedName to = name(t.name());
        Map<String, String> columns = renames.columns().getOrDefault(to, Map.of());
        List<Column> renamedColumns = t.columns().stream().map(c -> !columns.containsKey(c.name()) ? c
                : new Column(columns.get(c.name()), c.type(), c.collation(), c.notNull(), c.notNullName(), c.defaultValue(),
                c.generated(), c.identity(), c.identitySequence(), c.local(), c.statisticsTarget(), c.storage(),
                c.compression(), c.options())).toList();
        List<Constraint> constraints = t.constraints().stream().map(c -> new Constraint(to, c.name(), c.type(),
                c.definition(), c.local(), c.validated())).toList();
        return new Table(to, renamedColumns, constraints, t.unlogged(), t.options(), t.partitionKey(),
                t.partitionOf().map(this::name), t.partitionBound(), t.ofType(), t.inherits().stream().map(this::name).toList(),
                t.replicaIdentity(), t.replicaIndex(), t.rowSecurity(), t.forceRowSecurity(), t.accessMethod(),
                t.clusterIndex());
    }

    private QualifiedName name(QualifiedName table) {
        return renames.renamed(table);
    }

    private ObjectId id(ObjectId id) {
        if (id.kind() != ObjectKind.TABLE) {
            return id;
        }
        QualifiedName to = name(new QualifiedName(id.schema(), id.name()));
        return new ObjectId(id.kind(), to.schema(), to.name(), id.signature());
    }

    /** {@code TABLE s.t} or {@code COLUMN s.t.c} under the new names. */
    private String target(String target) {
        for (Map.Entry<QualifiedName, String> e : renames.tables().entrySet()) {
            QualifiedName to = new QualifiedName(e.getKey().schema(), e.getValue());
            if (target.equals("TABLE " + e.getKey().sql())) {
                return "TABLE " + to.sql();
            }
            if (target.startsWith("COLUMN " + e.getKey().sql() + ".")) {
                target = "COLUMN " + to.sql() + target.substring(("COLUMN " + e.getKey().sql()).length());
            }
        }
        for (Map.Entry<QualifiedName, Map<String, String>> e : renames.columns().entrySet()) {
            for (Map.Entry<String, String> column : e.getValue().entrySet()) {
                if (target.equals("COLUMN " + e.getKey().sql() + "." + quote(column.getKey()))) {
                    return "COLUMN " + e.getKey().sql() + "." + quote(column.getValue());
                }
            }
        }
        return target;
    }

    private AccessControl privileges(AccessControl p) {
        String target = target(p.target());
        QualifiedName table = renamedTableOf(target);
        Map<String, String> columns = table == null ? Map.of() : renames.columns().getOrDefault(table, Map.of());
        return new AccessControl(target, p.column().map(c -> columns.getOrDefault(c, c)), p.owner(), p.grants(), p.initial());
    }

    /** The table a {@code TABLE s.t} target names, if it is one the renames name. */
    private QualifiedName renamedTableOf(String target) {
        for (QualifiedName t : renames.columns().keySet()) {
            if (target.equals("TABLE " + t.sql())) {
                return t;
            }
        }
        return null;
    }
}
