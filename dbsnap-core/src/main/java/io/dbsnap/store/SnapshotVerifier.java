package io.dbsnap.store;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.errors.SnapshotCorruptException;
import io.dbsnap.errors.SnapshotNotFoundException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Opens a snapshot's SQL file only after checking it against its metadata, so that a truncated
 * or altered file is never restored.
 */
final class SnapshotVerifier {

    private static final int BUFFER_SIZE = SqlFileOutput.BUFFER_SIZE;

    private SnapshotVerifier() {
    }

    /**
     * Reads the file once to check its size and SHA-256, then hands out a stream over the same
     * open file from its start: a file swapped in by rename after the check is not the one read.
     */
    static InputStream openVerified(StoredSnapshot snapshot, SnapshotMetadata expected) {
        Path file = snapshot.sqlFile();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw notFound(file, e);
        } catch (IOException e) {
            throw new DbSnapException("Could not open snapshot " + file + ": " + e + ". Check that it is readable.", e);
        }
        try {
            check(file, channel, expected);
            channel.position(0);
            return Compression.decompressing(new BufferedInputStream(Channels.newInputStream(channel), BUFFER_SIZE));
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new DbSnapException("Could not read snapshot " + file + " to check it: " + e + ".", e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    static SnapshotNotFoundException notFound(Path file, Exception cause) {
        return new SnapshotNotFoundException("Snapshot " + file + " does not exist: it was deleted or moved. List the "
                + "store to see the snapshots it holds.", cause);
    }

    private static void check(Path file, FileChannel channel, SnapshotMetadata expected) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        long size = 0;
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            size += buffer.remaining();
            digest.update(buffer);
            buffer.clear();
        }
        String sha256 = Sha256.hex(digest);
        if (size != expected.sizeBytes() || !sha256.equalsIgnoreCase(expected.sha256())) {
            throw new SnapshotCorruptException("Snapshot " + file + " is truncated or was changed after it was "
                    + "written: its metadata expects " + expected.sizeBytes() + " bytes with SHA-256 "
                    + expected.sha256() + ", the file has " + size + " bytes with SHA-256 " + sha256
                    + ". It will not be restored; restore another snapshot or take a new one.");
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
