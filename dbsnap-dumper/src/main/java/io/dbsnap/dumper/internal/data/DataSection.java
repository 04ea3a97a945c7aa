package io.dbsnap.dumper.internal.data;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Column;
import io.dbsnap.catalog.LargeObject;
import io.dbsnap.catalog.QualifiedName;
import io.dbsnap.catalog.Sequence;
import io.dbsnap.catalog.Table;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dump.Section;
import io.dbsnap.dump.TableData;
import io.dbsnap.dumper.internal.read.RelationPatterns;
import io.dbsnap.dumper.internal.read.Unreadable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the data section of a dump: every table's rows (referenced tables first), then where
 * every sequence stands, then the contents of large objects. What the role may not read is left
 * out with a warning.
 */
public final class DataSection {

    private static final Logger LOG = LoggerFactory.getLogger(DataSection.class);

    private final Connection connection;
    private final Optional<DataSource> moreConnections;
    private final DumpOptions options;
    private final RelationPatterns withData;
    private final Unreadable unreadable;
    private final ScriptOutput script;
    private final Writer text;
    private final OutputStream bytes;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param text            the script's text, written through to {@code bytes}, which COPY rows go to directly
     * @param moreConnections where the workers of a parallel dump get their connections
     */
    public DataSection(Connection connection, Optional<DataSource> moreConnections, DumpOptions options, Unreadable unreadable,
                ScriptOutput script, Writer text, OutputStream bytes) {
        this.connection = connection;
        this.moreConnections = moreConnections;
        this.options = options;
        this.withData = new RelationPatterns(List.of(), options.excludeTableData());
        this.unreadable = unreadable;
        this.script = script;
        this.text = text;
        this.bytes = bytes;
    }

    /** @return each table's row count and checksum, in the order written */
    public List<TableData> write(Catalog catalog) throws SQLException, IOException {
        List<Table> tables = DataOrder.sort(connection, readableTables(catalog));
        List<TableData> written = new ArrayList<>();
        if (!tables.isEmpty()) {
            script.enter(Section.DATA);
            text.flush();
            if (options.parallel() > 1 && moreConnections.isPresent()) {
                written.addAll(ParallelTableCopy.write(connection, moreConnections.get(), options.parallel() - 1, tables, bytes));
            } else {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (Table table : tables) {
                    written.add(TableCopy.write(copy, table, bytes));
                }
            }
        }
        for (String setval : SequenceValues.setvalStatements(connection, readableSequences(catalog))) {
            script.statement(Section.DATA, setval);
        }
        for (LargeObject lo : catalog.largeObjects()) {
            if (!unreadable.canRead(lo)) {
                warn("The contents of large object " + lo.oid() + " are left out: this role may not read"
                        + " them. Dump as its owner or grant SELECT on it to include them.");
            } else {
                if (!options.content().schema()) {
                    // as in pg_dump's data-only output: the object is part of its data
                    script.statement(Section.DATA, "SELECT pg_catalog.lo_create('" + lo.oid() + "');");
                }
                LargeObjectData.write(connection, lo, script);
            }
        }
        return written;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Tables that hold rows themselves (not partitioned parents: their rows are in their partitions). */
    private List<Table> readableTables(Catalog catalog) {
        List<Table> tables = new ArrayList<>();
        for (Table table : catalog.tables()) {
            if (table.isPartitioned() || !withData.keeps(table.name())) {
                continue;
            }
            if (unreadable.canRead(table.name())) {
                tables.add(table);
            } else {
                warn("The rows of table " + table.name().sql() + " are left out: this role may not read them"
                        + " (no SELECT privilege). Dump as its owner or grant SELECT to include them.");
            }
        }
        return tables;
    }

    /** Every sequence, identity sequences included, whose table's rows are dumped (or that has no table). */
    private List<QualifiedName> readableSequences(Catalog catalog) {
        List<QualifiedName> names = new ArrayList<>();
        for (Sequence s : catalog.sequences()) {
            if (s.ownedBy().map(o -> withData.keeps(o.table())).orElse(true)) {
                names.add(s.name());
            }
        }
        for (Table t : catalog.tables()) {
            if (withData.keeps(t.name())) {
                t.columns().stream().map(Column::identitySequence).flatMap(Optional::stream).forEach(s -> names.add(s.name()));
            }
        }
        List<QualifiedName> readable = new ArrayList<>();
        for (QualifiedName sequence : names) {
            if (unreadable.canRead(sequence)) {
                readable.add(sequence);
            } else {
                warn("The value of sequence " + sequence.sql() + " is left out: this role may not read it"
                        + " (no SELECT privilege); it restarts from its start value.");
            }
        }
        return readable;
    }

    private void warn(String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
