package io.dbsnap.dumper.internal.ddl;

import static io.dbsnap.catalog.Identifiers.quote;

import io.dbsnap.catalog.Identifiers;
import io.dbsnap.catalog.Publication;
import io.dbsnap.catalog.Subscription;
import io.dbsnap.dumper.internal.sql.Literals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes {@code CREATE PUBLICATION} and the statements that add its tables and schemas, and {@code CREATE SUBSCRIPTION}. */
public final class PublicationDdl {

    private PublicationDdl() {
    }

    public static List<String> create(Publication p) {
        List<String> options = new ArrayList<>(List.of("publish = " + Literals.string(p.publish())));
        if (p.viaPartitionRoot()) {
            options.add("publish_via_partition_root = true");
        }
        p.generatedColumns().ifPresent(g -> options.add("publish_generated_columns = " + g));
        List<String> statements = new ArrayList<>();
        statements.add("CREATE PUBLICATION " + quote(p.name()) + (p.allTables() ? " FOR ALL TABLES" : "")
                + " WITH (" + String.join(", ", options) + ");");
        for (Publication.Member m : p.tables()) {
            String columns = m.columns().isEmpty() ? ""
                    : " (" + m.columns().stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")";
            statements.add("ALTER PUBLICATION " + quote(p.name()) + " ADD TABLE ONLY " + m.table().sql() + columns
                    + m.filter().map(f -> " WHERE (" + f + ")").orElse("") + ";");
        }
        for (String schema : p.schemas()) {
            statements.add("ALTER PUBLICATION " + quote(p.name()) + " ADD TABLES IN SCHEMA " + quote(schema) + ";");
        }
        return statements;
    }

    /** With {@code connect = false}, as pg_dump writes it: no connection to the publisher, no slot created. */
    public static String create(Subscription s) {
        List<String> options = new ArrayList<>(List.of("connect = false"));
        options.addAll(s.options());
        return "CREATE SUBSCRIPTION " + quote(s.name()) + " CONNECTION " + Literals.string(s.connection()) + " PUBLICATION "
                + s.publications().stream().map(Identifiers::quote).collect(Collectors.joining(", "))
                + " WITH (" + String.join(", ", options) + ");";
    }

    public static String drop(Publication p) {
        return "DROP PUBLICATION IF EXISTS " + quote(p.name()) + ";";
    }
}
