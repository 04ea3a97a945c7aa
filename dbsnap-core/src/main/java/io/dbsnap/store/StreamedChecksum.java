package io.dbsnap.store;

import io.dbsnap.errors.SnapshotCorruptException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Checks a snapshot's SQL against its metadata while it is read, for storage where reading it
 * twice (once to check, once to restore) would mean downloading it twice. The size and SHA-256
 * are compared when the end is reached: a mismatch then throws {@link SnapshotCorruptException}
 * from {@code read}, so a restore reading the stream fails before its commit and its transaction
 * is rolled back — nothing changed.
 */
final class StreamedChecksum extends FilterInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private final String shownAs;
    private final SnapshotMetadata expected;
    private long size;
    private boolean checked;

    StreamedChecksum(InputStream in, String shownAs, SnapshotMetadata expected) {
        super(in);
        this.shownAs = shownAs;
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
        if (n < 0) {
            check();
        } else {
            digest.update(bytes, offset, n);
            size += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must pass through the digest
        return readNBytes((int) Math.min(Math.max(n, 0), SqlFileOutput.BUFFER_SIZE)).length;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads what is left (a gzip reader stops at its trailer, before the end of the object) and
     * compares.
     */
    void readToEndAndCheck() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        check();
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        String sha256 = Sha256.hex(digest);
        if (size != expected.sizeBytes() || !sha256.equalsIgnoreCase(expected.sha256())) {
            throw new SnapshotCorruptException("Snapshot " + shownAs + " is truncated or was changed after it was "
                    + "written: its metadata expects " + expected.sizeBytes() + " bytes with SHA-256 "
                    + expected.sha256() + ", the object has " + size + " bytes with SHA-256 " + sha256
                    + ". Found at its end, before anything was committed: a restore reading it is rolled back and "
                    + "nothing changed. Restore another snapshot or take a new one.");
        }
    }

    /** The decompressed SQL over {@code checked}, which finishes the check when the SQL ends. */
    static InputStream decompressing(StreamedChecksum checked) throws IOException {
        InputStream sql = Compression.decompressing(checked);
        return new FilterInputStream(sql) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    checked.readToEndAndCheck();
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = in.read(bytes, offset, length);
                if (n < 0) {
                    checked.readToEndAndCheck();
                }
                return n;
            }
        };
    }
}
