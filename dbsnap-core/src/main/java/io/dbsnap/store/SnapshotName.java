package io.dbsnap.store;

import io.dbsnap.errors.InvalidLabelException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a snapshot: {@code {yyyyMMdd_HHmmss}_{label}} in UTC, so that names sort by time.
 * The SQL file is the name plus {@code .sql} (or {@code .sql.gz}), its metadata the name plus
 * {@code .meta.yaml}. Because both SQL files share the metadata file's name, a store never holds
 * a {@code .sql} and a {@code .sql.gz} of the same name.
 */
public record SnapshotName(Instant created, String label) {

    static final int MAX_LABEL_LENGTH = 100;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LABEL_LENGTH + "}");
    private static final Pattern FILE = Pattern.compile("(\\d{8}_\\d{6})_(.+)\\.sql(?:\\.gz)?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    public SnapshotName {
        requireValidLabel(label);
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @throws InvalidLabelException unless the label is 1 to 100 characters of letters, digits,
     *                               dot, underscore and hyphen (and not only dots)
     */
    public static void requireValidLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches() || label.chars().allMatch(c -> c == '.')) {
            throw new InvalidLabelException("Invalid snapshot label '" + label + "': use 1 to " + MAX_LABEL_LENGTH
                    + " characters of A-Z a-z 0-9 . _ - (for example pre_migration or v1.2.0)");
        }
    }

    /**
     * The name of a snapshot SQL file ({@code .sql} or {@code .sql.gz}) in a store, or empty for
     * any other file.
     */
    public static Optional<SnapshotName> parseFileName(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches() || !LABEL.matcher(m.group(2)).matches()) {
            return Optional.empty();
        }
        try {
            Instant created = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
            return Optional.of(new SnapshotName(created, m.group(2)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String baseName() {
        return STAMP.format(LocalDateTime.ofInstant(created, ZoneOffset.UTC)) + "_" + label;
    }

    /** The uncompressed SQL file's name, {@code {name}.sql}. */
    public String sqlFileName() {
        return sqlFileName(Compression.NONE);
    }

    /** The SQL file's name: {@code {name}.sql} or {@code {name}.sql.gz}. */
    public String sqlFileName(Compression compression) {
        return baseName() + compression.sqlSuffix();
    }

    /** The catalog file's name, {@code {name}.catalog.json}. */
    public String catalogFileName() {
        return baseName() + ".catalog.json";
    }

    /** The metadata file's name, {@code {name}.meta.yaml}. */
    public String metadataFileName() {
        return baseName() + ".meta.yaml";
    }
}
