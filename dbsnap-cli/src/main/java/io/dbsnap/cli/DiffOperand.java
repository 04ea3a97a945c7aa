package io.dbsnap.cli;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.diff.DiffSide;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dump.DdlOptions;
import io.dbsnap.dumper.DdlWriter;
import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.SnapshotScope;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** One side of {@code dbsnap diff}: a stored snapshot, or a live database given by its URL. */
sealed interface DiffOperand {

    /** How reports name this side. */
    String name();

    /** The snapshot's scope, which a live side on the other side is read with; empty for a live side. */
    Optional<SnapshotScope> scope();

    /** This side for {@link io.dbsnap.diff.SchemaDiff}, a live one read with {@code scope}. */
    DiffSide side(SnapshotScope scope);

    /** This side's structure as the DDL dbsnap writes for it (no owners, no grants), for a unified diff. */
    default String ddl(SnapshotScope scope) {
        StringWriter text = new StringWriter();
        new DdlWriter(text, DdlOptions.defaults()).write(side(scope).catalog());
        return text.toString();
    }

    record SnapshotSide(SnapshotReference.Stored stored) implements DiffOperand {

        @Override
        public String name() {
            return stored.snapshot().name();
        }

        @Override
        public Optional<SnapshotScope> scope() {
            return Optional.of(stored.snapshot().metadata().scope().orElse(SnapshotScope.everything()));
        }

        @Override
        public DiffSide side(SnapshotScope scope) {
            return DiffSide.of(stored.directory().store(), stored.snapshot().stored());
        }
    }

    record LiveSide(Database database) implements DiffOperand {

        @Override
        public String name() {
            return database.describe();
        }

        @Override
        public Optional<SnapshotScope> scope() {
            return Optional.empty();
        }

        @Override
        public DiffSide side(SnapshotScope scope) {
            try (Connection connection = database.connect()) {
                Catalog catalog = CatalogReader.of(scope).read(connection);
                return DiffSide.of(name(), catalog);
            } catch (SQLException e) {
                throw new DbSnapException("Could not read the structure of " + name() + ": " + e.getMessage()
                        + " (SQLSTATE " + e.getSQLState() + ").", e);
            }
        }
    }

    /**
     * A database URL ({@code postgresql://}, {@code jdbc:postgresql:}) is a live side; anything
     * else names a snapshot as for restore. A plain SQL file cannot be a side: it has no catalog.
     */
    static DiffOperand of(String text, DbsnapCommand root) {
        if (Database.looksLikeUrl(text)) {
            return new LiveSide(Database.of(root.databaseUrl(text, "the diff's argument")));
        }
        SnapshotReference reference = SnapshotReference.resolve(text, root.directory());
        if (reference instanceof SnapshotReference.Stored stored) {
            return new SnapshotSide(stored);
        }
        throw new DbSnapException(text + " is a plain SQL file without dbsnap's catalog, so its structure is unknown."
                + " Diff snapshots dbsnap took, or a database by its URL.");
    }
}
