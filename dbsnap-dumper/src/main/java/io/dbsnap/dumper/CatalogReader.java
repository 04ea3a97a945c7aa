package io.dbsnap.dumper;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.dumper.internal.read.AccessMethodReader;
import io.dbsnap.dumper.internal.read.AccessReader;
import io.dbsnap.dumper.internal.read.CastReader;
import io.dbsnap.dumper.internal.read.CatalogQuery;
import io.dbsnap.dumper.internal.read.CollationReader;
import io.dbsnap.dumper.internal.read.CommentReader;
import io.dbsnap.dumper.internal.read.ConversionReader;
import io.dbsnap.dumper.internal.read.DependencyReader;
import io.dbsnap.dumper.internal.read.EventTriggerReader;
import io.dbsnap.dumper.internal.read.ExtensionReader;
import io.dbsnap.dumper.internal.read.ForeignDataReader;
import io.dbsnap.dumper.internal.read.ForeignTableReader;
import io.dbsnap.dumper.internal.read.IndexReader;
import io.dbsnap.dumper.internal.read.LanguageReader;
import io.dbsnap.dumper.internal.read.LargeObjectReader;
import io.dbsnap.dumper.internal.read.OperatorClassReader;
import io.dbsnap.dumper.internal.read.OperatorReader;
import io.dbsnap.dumper.internal.read.OtherKindsAccessReader;
import io.dbsnap.dumper.internal.read.PolicyReader;
import io.dbsnap.dumper.internal.read.PublicationReader;
import io.dbsnap.dumper.internal.read.RelationPatterns;
import io.dbsnap.dumper.internal.read.RelationPruner;
import io.dbsnap.dumper.internal.read.RoutineReader;
import io.dbsnap.dumper.internal.read.RuleReader;
import io.dbsnap.dumper.internal.read.SchemaFilter;
import io.dbsnap.dumper.internal.read.SchemaReader;
import io.dbsnap.dumper.internal.read.SecurityLabelReader;
import io.dbsnap.dumper.internal.read.SequenceReader;
import io.dbsnap.dumper.internal.read.SnapshotTransaction;
import io.dbsnap.dumper.internal.read.StatisticsReader;
import io.dbsnap.dumper.internal.read.SubscriptionReader;
import io.dbsnap.dumper.internal.read.TableReader;
import io.dbsnap.dumper.internal.read.TextSearchReader;
import io.dbsnap.dumper.internal.read.TriggerReader;
import io.dbsnap.dumper.internal.read.TypeReader;
import io.dbsnap.dumper.internal.read.ViewReader;
import io.dbsnap.store.SnapshotScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the catalog of a database into a {@link Catalog}: a fixed number of bulk queries, one or
 * a few per object kind whatever the number of objects, all in one read-only repeatable-read
 * transaction so that they see one point in time.
 */
public final class CatalogReader {

    private final SchemaFilter filter;
    private final RelationPatterns relations;

    private CatalogReader(SchemaFilter filter, RelationPatterns relations) {
        this.filter = filter;
        this.relations = relations;
    }

    /** Reads every schema that is not a system schema and not created by an extension. */
    public static CatalogReader allSchemas() {
        return new CatalogReader(SchemaFilter.all(), RelationPatterns.all());
    }

    /** Reads only the named schemas. */
    public static CatalogReader schemas(String... names) {
        return new CatalogReader(new SchemaFilter(List.of(names)), RelationPatterns.all());
    }

    /** Reads what a snapshot of {@code scope} covers: the reader that wrote it, again. */
    public static CatalogReader of(SnapshotScope scope) {
        return new CatalogReader(new SchemaFilter(scope.schemas()),
                new RelationPatterns(scope.tables(), scope.excludeTables()));
    }

    /** What this reader covers, as recorded in a snapshot's metadata. */
    public SnapshotScope scope() {
        return new SnapshotScope(filter.schemas(), relations.include(), relations.exclude());
    }

    /**
     * Keeps only the tables, views and sequences matching one of {@code patterns}
     * ({@code schema.name} or {@code name}, with {@code *} and {@code ?}), like pg_dump's
     * {@code -t}, and what lives on them; other kinds of object stay so that they can be created.
     *
     * @throws IllegalArgumentException for a pattern that is not {@code name} or {@code schema.name}
     */
    public CatalogReader tables(String... patterns) {
        List<String> include = new ArrayList<>(relations.include());
        include.addAll(List.of(patterns));
        return new CatalogReader(filter, new RelationPatterns(include, relations.exclude()));
    }

    /** Leaves out the tables, views and sequences matching one of {@code patterns}, like pg_dump's {@code -T}. */
    public CatalogReader excludeTables(String... patterns) {
        List<String> exclude = new ArrayList<>(relations.exclude());
        exclude.addAll(List.of(patterns));
        return new CatalogReader(filter, new RelationPatterns(relations.include(), exclude));
    }

    /**
     * Reads the catalog through {@code connection}, which must not be inside a transaction; the
     * connection's settings are as before when this returns.
     */
    public Catalog read(Connection connection) throws SQLException {
        return read(connection, DumpOptions.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * Like {@link #read(Connection)}, waiting at most {@code lockTimeout} for a lock: reading a
     * view's or a default's definition waits while another session holds an {@code ACCESS
     * EXCLUSIVE} lock on a table under it (SQLSTATE {@code 55P03}, lock_not_available, after the timeout).
     */
    public Catalog read(Connection connection, Duration lockTimeout) throws SQLException {
        return SnapshotTransaction.run(connection, lockTimeout, this::readWithin);
    }

    /**
     * Reads the catalog inside the caller's transaction, which should be {@code REPEATABLE READ}
     * for the queries to see one point in time. The transaction's {@code search_path} is empty
     * afterwards (set locally, so that the server qualifies every name it renders).
     */
    public Catalog readWithin(Connection connection) throws SQLException {
        return RelationPruner.prune(readInTransaction(connection), relations);
    }

    private Catalog readInTransaction(Connection connection) throws SQLException {
        int serverVersion;
        try (Statement s = connection.createStatement()) {
            // With an empty search_path the server qualifies every name it renders
            // (format_type, pg_get_expr, pg_get_*def, regproc), so the DDL does not depend on
            // the search_path of whoever restores it. pg_dump does the same.
            s.execute("SELECT pg_catalog.set_config('search_path', '', true)");
            try (ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int AS version")) {
                rs.next();
                serverVersion = rs.getInt("version");
            }
        }
        CatalogQuery query = new CatalogQuery(connection, filter, serverVersion);
        SequenceReader.Sequences sequences = SequenceReader.read(query);
        AccessReader.Access access = AccessReader.read(query);
        AccessReader.Access otherAccess = OtherKindsAccessReader.read(query);
        return new Catalog(
                SchemaReader.read(query),
                ExtensionReader.read(query),
                CollationReader.read(query),
                TypeReader.read(query),
                sequences.plain(),
                TableReader.read(query, sequences),
                ViewReader.read(query),
                IndexReader.read(query),
                IndexReader.attachments(query),
                RoutineReader.read(query),
                OperatorReader.read(query),
                CastReader.read(query),
                TextSearchReader.dictionaries(query),
                TextSearchReader.configurations(query),
                TriggerReader.read(query),
                RuleReader.read(query),
                StatisticsReader.read(query),
                PolicyReader.read(query),
                PublicationReader.read(query),
                EventTriggerReader.read(query),
                LargeObjectReader.read(query),
                CommentReader.read(query),
                SecurityLabelReader.read(query),
                concat(access.owners(), otherAccess.owners()),
                concat(access.privileges(), otherAccess.privileges()),
                access.defaults(),
                DependencyReader.read(query),
                OperatorClassReader.families(query),
                OperatorClassReader.classes(query),
                AccessMethodReader.read(query),
                LanguageReader.languages(query),
                ConversionReader.read(query),
                LanguageReader.transforms(query),
                TextSearchReader.parsers(query),
                TextSearchReader.templates(query),
                ForeignDataReader.wrappers(query),
                ForeignDataReader.servers(query),
                ForeignDataReader.userMappings(query),
                ForeignTableReader.read(query, sequences),
                SubscriptionReader.read(query));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
