package io.dbsnap.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through while counting them and hashing them with SHA-256. Placed directly above
 * the file, under any compression, it measures the file exactly as stored, so that the store
 * never has to read a snapshot back to describe it.
 */
final class ChecksummedOutputStream extends FilterOutputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private long byteCount;

    ChecksummedOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        byteCount++;
    }

    // FilterOutputStream would pass an array on one byte at a time
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        byteCount += length;
    }

    long byteCount() {
        return byteCount;
    }

    /** The SHA-256 of everything written, as hex; call once, when writing is done. */
    String sha256() {
        return Sha256.hex(digest);
    }
}
