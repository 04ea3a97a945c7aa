package io.dbsnap.store;

/**
 * How to restore a snapshot, for people reading its metadata: with dbsnap (into the database it
 * was taken from: an exact restore, with a safety snapshot first), or with psql (into an empty
 * database: the file is plain SQL that does not drop what is already there).
 *
 * @param dbsnap the dbsnap command, to run in the snapshot directory's parent or with {@code --dir}
 * @param psql   the psql command, to run in the snapshot directory, with {@code -d} naming the
 *               empty target database
 */
public record RestoreInstructions(String dbsnap, String psql) {

    static RestoreInstructions of(SnapshotMetadata metadata) {
        SnapshotName name = metadata.name();
        String sqlFile = name.sqlFileName(metadata.compressed() ? Compression.GZIP : Compression.NONE);
        String psql = "psql -v ON_ERROR_STOP=1 --single-transaction -d EMPTY_DATABASE_URL";
        return new RestoreInstructions("dbsnap restore " + name.baseName(),
                metadata.compressed() ? "gunzip -c " + sqlFile + " | " + psql : psql + " -f " + sqlFile);
    }
}
