package io.dbsnap.restore;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.restore.script.ScriptReader;
import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.store.SnapshotName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A migration file, read once before anything runs: it must exist and split into statements,
 * and the statements that cannot run in a transaction block are found here, so that a migration
 * is refused whole rather than failing at its tenth statement.
 */
final class MigrationScript {

    /** Room for {@code before_} and {@code after_} within the longest label. */
    private static final int MAX_STEM = 90;

    private final Path file;
    private final int statements;
    private final List<NonTransactionalStatement> nonTransactional;

    private MigrationScript(Path file, int statements, List<NonTransactionalStatement> nonTransactional) {
        this.file = file;
        this.statements = statements;
        this.nonTransactional = List.copyOf(nonTransactional);
    }

    /**
     * Reads {@code file} through (COPY rows are skipped as they stream by, not kept).
     *
     * @throws DbSnapException when it is missing, unreadable, empty or cannot be split
     */
    static MigrationScript read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DbSnapException("The migration file " + file + " does not exist or is not a file. Check the path;"
                    + " nothing was changed.");
        }
        int count = 0;
        List<NonTransactionalStatement> found = new ArrayList<>();
        try (ScriptReader reader = ScriptReader.open(file)) {
            Optional<ScriptStatement> next;
            while ((next = reader.next()).isPresent()) {
                count++;
                NonTransactionalStatement.of(next.get()).ifPresent(found::add);
            }
        } catch (DbSnapException e) {
            throw new DbSnapException("The migration file " + file + " cannot be read: " + e.getMessage()
                    + " Nothing was changed.", e);
        }
        if (count == 0) {
            throw new DbSnapException("The migration file " + file + " holds no statement; nothing was changed.");
        }
        return new MigrationScript(file, count, found);
    }

    Path file() {
        return file;
    }

    List<NonTransactionalStatement> nonTransactional() {
        return nonTransactional;
    }

    /**
     * Whether every statement that cannot run in a transaction comes after all that can: only
     * then does running them after the transaction keep the script's order.
     */
    Optional<NonTransactionalStatement> firstOutOfOrder() {
        int trailingFrom = statements - nonTransactional.size() + 1;
        return nonTransactional.stream().filter(s -> s.statement().number() < trailingFrom).findFirst();
    }

    boolean runsOutside(ScriptStatement statement) {
        return nonTransactional.stream().anyMatch(s -> s.statement().number() == statement.number());
    }

    /**
     * The file's name without its extensions, made a valid label part: {@code V2__add_roles} of
     * {@code V2__add_roles.sql}; other characters become {@code _}.
     */
    String stem() {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
        stem = stem.length() > MAX_STEM ? stem.substring(0, MAX_STEM) : stem;
        SnapshotName.requireValidLabel("before_" + stem);
        return stem;
    }
}
