package io.dbsnap.dumper;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.Comment;
import io.dbsnap.catalog.CompositeType;
import io.dbsnap.catalog.Constraint;
import io.dbsnap.catalog.DomainType;
import io.dbsnap.catalog.EnumType;
import io.dbsnap.catalog.Extension;
import io.dbsnap.catalog.IndexAttachment;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.Policy;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.RangeType;
import io.dbsnap.catalog.Schema;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.catalog.Trigger;
import io.dbsnap.catalog.UserType;
import io.dbsnap.catalog.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans the statements that recreate a {@link Catalog}: pre-data objects in dependency order
 * (from {@code pg_depend}), then post-data in a fixed order that is always valid (keys before
 * the foreign keys that need them, and so on). Never talks to a server.
 */
public final class DdlPlanner {

    private DdlPlanner() {
    }

    public static List<PlannedStatement> plan(Catalog catalog) {
        List<PlannedStatement> plan = new ArrayList<>();
        preData(catalog).forEach(sql -> plan.add(new PlannedStatement(Section.PRE_DATA, sql)));
        postData(catalog).forEach(sql -> plan.add(new PlannedStatement(Section.POST_DATA, sql)));
        return plan;
    }

    private static List<String> preData(Catalog catalog) {
        Map<ObjectId, String> creates = new LinkedHashMap<>();
        for (Schema schema : catalog.schemas()) {
            // every database is created with schema public
            if (!schema.name().equals("public")) {
                creates.put(schema.id(), "CREATE SCHEMA " + quote(schema.name()) + ";");
            }
        }
        for (Extension x : catalog.extensions()) {
            creates.put(x.id(), "CREATE EXTENSION IF NOT EXISTS " + quote(x.name()) + " WITH SCHEMA " + quote(x.schema()) + ";");
        }
        catalog.types().forEach(t -> creates.put(t.id(), createType(t)));
        catalog.routines().forEach(r -> creates.put(r.id(), r.definition() + ";"));
        catalog.sequences().forEach(s -> creates.put(s.id(), createSequence(s)));
        catalog.tables().forEach(t -> creates.put(t.id(), createTable(t)));
        catalog.views().forEach(v -> creates.put(v.id(), createView(v)));

        List<ObjectId> preferred = new ArrayList<>(creates.keySet());
        preferred.sort(Comparator.comparing(ObjectId::kind).thenComparing(ObjectId::schema)
                .thenComparing(ObjectId::name).thenComparing(ObjectId::signature));
        List<String> statements = new ArrayList<>();
        for (ObjectId id : DependencyOrder.sort(preferred, catalog.dependencies())) {
            statements.add(creates.get(id));
        }
        // Once every table exists: sequences join their columns, partitions their parents.
        for (Sequence s : catalog.sequences()) {
            s.ownedBy().ifPresent(owner -> statements.add("ALTER SEQUENCE " + s.name().sql() + " OWNED BY "
                    + owner.table().sql() + "." + quote(owner.column()) + ";"));
        }
        for (Table t : catalog.tables()) {
            if (t.isPartition()) {
                statements.add("ALTER TABLE ONLY " + t.partitionOf().orElseThrow().sql() + " ATTACH PARTITION "
                        + t.name().sql() + " " + t.partitionBound().orElseThrow() + ";");
            }
        }
        return statements;
    }

    private static List<String> postData(Catalog catalog) {
        List<String> statements = new ArrayList<>();
        for (Table t : catalog.tables()) {
            for (Constraint c : t.constraints()) {
                boolean key = c.type() != Constraint.Type.CHECK && c.type() != Constraint.Type.FOREIGN_KEY;
                boolean uncheckedCheck = c.type() == Constraint.Type.CHECK && !c.validated() && c.local();
                if (key || uncheckedCheck) {
                    statements.add(addConstraint(t, c));
                }
            }
        }
        catalog.indexes().forEach(i -> statements.add(i.definition() + ";"));
        for (IndexAttachment a : catalog.indexAttachments()) {
            statements.add("ALTER INDEX " + a.parent().sql() + " ATTACH PARTITION " + a.child().sql() + ";");
        }
        for (Table t : catalog.tables()) {
            t.replicaIndex().filter(i -> t.replicaIdentity().equals("i")).ifPresent(i -> statements.add(
                    "ALTER TABLE ONLY " + t.name().sql() + " REPLICA IDENTITY USING INDEX " + quote(i) + ";"));
        }
        for (UserType type : catalog.types()) {
            if (type instanceof DomainType d) {
                d.constraints().stream().filter(c -> !c.validated()).forEach(c -> statements.add("ALTER DOMAIN "
                        + d.name().sql() + " ADD CONSTRAINT " + quote(c.name()) + " " + c.definition() + ";"));
            }
        }
        for (Table t : catalog.tables()) {
            t.constraints().stream().filter(c -> c.type() == Constraint.Type.FOREIGN_KEY)
                    .forEach(c -> statements.add(addConstraint(t, c)));
        }
        for (Trigger trigger : catalog.triggers()) {
            statements.add(trigger.definition() + ";");
            String state = switch (trigger.enabled()) {
                case "D" -> "DISABLE TRIGGER ";
                case "R" -> "ENABLE REPLICA TRIGGER ";
                case "A" -> "ENABLE ALWAYS TRIGGER ";
                default -> null;
            };
            if (state != null) {
                statements.add("ALTER TABLE " + trigger.table().sql() + " " + state + quote(trigger.name()) + ";");
            }
        }
        for (Table t : catalog.tables()) {
            if (t.rowSecurity()) {
                statements.add("ALTER TABLE " + t.name().sql() + " ENABLE ROW LEVEL SECURITY;");
            }
            if (t.forceRowSecurity()) {
                statements.add("ALTER TABLE " + t.name().sql() + " FORCE ROW LEVEL SECURITY;");
            }
        }
        catalog.policies().forEach(p -> statements.add(createPolicy(p)));
        for (Comment c : catalog.comments()) {
            statements.add("COMMENT ON " + c.target() + " IS " + Literals.string(c.text()) + ";");
        }
        return statements;
    }

    private static String createType(UserType type) {
        if (type instanceof EnumType e) {
            return "CREATE TYPE " + e.name().sql() + " AS ENUM (\n"
                    + e.labels().stream().map(l -> "    " + Literals.string(l)).collect(Collectors.joining(",\n")) + "\n);";
        }
        if (type instanceof DomainType d) {
            StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(d.name().sql()).append(" AS ").append(d.baseType());
            d.collation().ifPresent(c -> sql.append(" COLLATE ").append(c.sql()));
            d.defaultValue().ifPresent(v -> sql.append(" DEFAULT ").append(v));
            if (d.notNull()) {
                sql.append(" NOT NULL");
            }
            // a constraint added NOT VALID cannot be written inline; it follows in post-data
            d.constraints().stream().filter(DomainType.DomainConstraint::validated).forEach(c ->
                    sql.append("\n\tCONSTRAINT ").append(quote(c.name())).append(' ').append(c.definition()));
            return sql.append(';').toString();
        }
        if (type instanceof CompositeType c) {
            return "CREATE TYPE " + c.name().sql() + " AS (\n" + c.attributes().stream()
                    .map(a -> "\t" + quote(a.name()) + " " + a.type() + a.collation().map(x -> " COLLATE " + x.sql()).orElse(""))
                    .collect(Collectors.joining(",\n")) + "\n);";
        }
        RangeType r = (RangeType) type;
        List<String> options = new ArrayList<>(List.of("subtype = " + r.subtype()));
        r.subtypeOpclass().ifPresent(o -> options.add("subtype_opclass = " + o.sql()));
        r.collation().ifPresent(o -> options.add("collation = " + o.sql()));
        r.canonical().ifPresent(o -> options.add("canonical = " + o.sql()));
        r.subtypeDiff().ifPresent(o -> options.add("subtype_diff = " + o.sql()));
        r.multirangeName().ifPresent(o -> options.add("multirange_type_name = " + o.sql()));
        return "CREATE TYPE " + r.name().sql() + " AS RANGE (\n    " + String.join(",\n    ", options) + "\n);";
    }

    private static String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + s.name().sql() + "\n" + (s.dataType().equals("bigint") ? "" : "    AS " + s.dataType() + "\n")
                + sequenceOptions(s, "\n    ").substring(1) + ";";
    }

    private static String sequenceOptions(Sequence s, String separator) {
        return separator + "START WITH " + s.start() + separator + "INCREMENT BY " + s.increment()
                + separator + "MINVALUE " + s.minValue() + separator + "MAXVALUE " + s.maxValue()
                + separator + "CACHE " + s.cache() + (s.cycle() ? separator + "CYCLE" : "");
    }

    private static String createTable(Table table) {
        List<String> lines = new ArrayList<>();
        List<String> after = new ArrayList<>();
        String only = "ALTER TABLE ONLY " + table.name().sql() + " ALTER COLUMN ";
        for (Column column : table.columns()) {
            // A partition repeats every column, as pg_dump writes it, and is attached afterwards.
            if (!column.local() && !table.isPartition()) {
                continue;
            }
            lines.add("    " + columnDefinition(table, column));
            column.statisticsTarget().ifPresent(n -> after.add(only + quote(column.name()) + " SET STATISTICS " + n + ";"));
            column.storage().ifPresent(s -> after.add(only + quote(column.name()) + " SET STORAGE " + s + ";"));
            column.compression().ifPresent(c -> after.add(only + quote(column.name()) + " SET COMPRESSION " + c + ";"));
        }
        // Check constraints stay with the table, as in pg_dump: data loaded later must satisfy them.
        for (Constraint c : table.constraints()) {
            if (c.type() == Constraint.Type.CHECK && c.validated() && (c.local() || table.isPartition())) {
                lines.add("    CONSTRAINT " + quote(c.name()) + " " + c.definition());
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "").append("TABLE ")
                .append(table.name().sql()).append(" (\n").append(String.join(",\n", lines)).append("\n)");
        if (!table.inherits().isEmpty()) {
            sql.append("\nINHERITS (").append(table.inherits().stream().map(QualifiedName::sql)
                    .collect(Collectors.joining(", "))).append(')');
        }
        table.partitionKey().ifPresent(k -> sql.append("\nPARTITION BY ").append(k));
        if (!table.options().isEmpty()) {
            sql.append("\nWITH (").append(options(table.options())).append(')');
        }
        sql.append(';');
        switch (table.replicaIdentity()) {
            case "f" -> after.add("ALTER TABLE ONLY " + table.name().sql() + " REPLICA IDENTITY FULL;");
            case "n" -> after.add("ALTER TABLE ONLY " + table.name().sql() + " REPLICA IDENTITY NOTHING;");
            default -> { }
        }
        after.forEach(statement -> sql.append("\n\n").append(statement));
        return sql.toString();
    }

    private static String columnDefinition(Table table, Column column) {
        StringBuilder line = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        column.collation().ifPresent(c -> line.append(" COLLATE ").append(c.sql()));
        switch (column.generated()) {
            case STORED -> line.append(" GENERATED ALWAYS AS (").append(column.defaultValue().orElseThrow()).append(") STORED");
            case VIRTUAL -> line.append(" GENERATED ALWAYS AS (").append(column.defaultValue().orElseThrow()).append(')');
            case NONE -> column.defaultValue().ifPresent(d -> line.append(" DEFAULT ").append(d));
        }
        // A partition shares its parent's identity sequence (PostgreSQL 17+); never give it one of its own.
        if (column.identity() != Column.Identity.NONE && !table.isPartition()) {
            line.append(column.identity() == Column.Identity.ALWAYS ? " GENERATED ALWAYS AS IDENTITY"
                    : " GENERATED BY DEFAULT AS IDENTITY");
            column.identitySequence().ifPresent(s -> line.append(" (\n        SEQUENCE NAME ").append(s.name().sql())
                    .append(sequenceOptions(s, "\n        ")).append("\n    )"));
        }
        if (column.notNull()) {
            line.append(" NOT NULL");
        }
        return line.toString();
    }

    private static String createView(View view) {
        StringBuilder sql = new StringBuilder("CREATE ").append(view.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                .append(view.name().sql());
        if (!view.options().isEmpty()) {
            sql.append(" WITH (").append(options(view.options())).append(')');
        }
        sql.append(" AS\n").append(view.definition());
        view.checkOption().ifPresent(o -> sql.append("\n  WITH ").append(o).append(" CHECK OPTION"));
        if (view.materialized()) {
            sql.append("\n  WITH NO DATA");
        }
        return sql.append(';').toString();
    }

    /** {@code fillfactor=70} becomes {@code fillfactor='70'}. */
    private static String options(List<String> options) {
        return options.stream().map(o -> {
            int eq = o.indexOf('=');
            return eq < 0 ? o : o.substring(0, eq) + "=" + Literals.string(o.substring(eq + 1));
        }).collect(Collectors.joining(", "));
    }

    private static String addConstraint(Table table, Constraint c) {
        // A foreign key on a partitioned table must reach its partitions, so no ONLY there.
        String only = c.type() == Constraint.Type.FOREIGN_KEY && table.isPartitioned() ? "" : "ONLY ";
        return "ALTER TABLE " + only + table.name().sql() + "\n    ADD CONSTRAINT " + quote(c.name()) + " "
                + c.definition() + ";";
    }

    private static String createPolicy(Policy p) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quote(p.name())).append(" ON ")
                .append(p.table().sql());
        if (!p.permissive()) {
            sql.append(" AS RESTRICTIVE");
        }
        if (!p.command().equals("ALL")) {
            sql.append(" FOR ").append(p.command());
        }
        // "public" is the PUBLIC pseudo-role and must stay unquoted; real roles are identifiers.
        sql.append(" TO ").append(p.roles().stream().map(r -> r.equals("public") ? "PUBLIC" : quote(r))
                .collect(Collectors.joining(", ")));
        p.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        p.withCheck().ifPresent(w -> sql.append(" WITH CHECK (").append(w).append(')'));
        return sql.append(';').toString();
    }
}
