package io.dbsnap.s3;

import io.dbsnap.store.ObjectUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One object streamed into S3 while it is produced: a multipart upload of {@link #PART_SIZE}
 * parts. One part fills while the one before it is sent (a thread of its own), so memory is two
 * parts whatever the snapshot's size, and nothing is written to local disk. An object smaller
 * than one part is sent with one PutObject and starts no multipart upload at all. Nothing is
 * visible under the key until {@link #commit()} (CompleteMultipartUpload); {@link #abort()}
 * (AbortMultipartUpload) leaves nothing behind.
 */
final class S3Upload implements ObjectUpload {

    /** 8 MiB: above S3's 5 MiB minimum; 10,000 parts make 78 GiB, S3's limit on parts. */
    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);

    private final S3Storage storage;
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] filling = new byte[PART_SIZE];
    private byte[] spare;
    private int filled;
    private String uploadId;
    private ExecutorService sender;
    private Future<CompletedPart> sending;
    private boolean committed;
    private boolean aborted;

    S3Upload(S3Storage storage, S3Client s3, String bucket, String key) {
        this.storage = storage;
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (filled == PART_SIZE) {
                        sendPart();
                    }
                    int n = Math.min(length, PART_SIZE - filled);
                    System.arraycopy(bytes, offset, filling, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void close() {
                // the upload commits or aborts, never the stream
            }
        };
    }

    /** Sends the full part in the background, after waiting for the one before it. */
    private void sendPart() throws IOException {
        checkOpen();
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
                sender = Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "dbsnap-s3-upload");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            awaitSending();
            if (parts.size() + 1 >= MAX_PARTS) {
                throw new IOException("the snapshot is larger than " + (long) PART_SIZE * MAX_PARTS + " bytes, the most"
                        + " one upload of " + MAX_PARTS + " parts of " + PART_SIZE + " bytes can hold; compress it"
                        + " (--gzip) or snapshot fewer tables at once");
            }
            int partNumber = parts.size() + 1;
            byte[] part = filling;
            int length = filled;
            sending = sender.submit(() -> upload(partNumber, part, length));
            filling = spare != null ? spare : new byte[PART_SIZE];
            spare = part;
            filled = 0;
        } catch (SdkException e) {
            throw storage.failed("upload", key, e);
        }
    }

    private CompletedPart upload(int partNumber, byte[] part, int length) {
        // a stream over the array, not a copy of it; it can be reset when the SDK retries
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength((long) length),
                RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, length), length)).eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    private void awaitSending() throws IOException {
        if (sending == null) {
            return;
        }
        try {
            parts.add(sending.get());
            sending = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + key);
        } catch (ExecutionException e) {
            sending = null;
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw storage.failed("upload", key, sdk);
            }
            throw new IOException("could not upload a part of " + key + ": " + cause, cause);
        }
    }

    @Override
    public void commit() throws IOException {
        checkOpen();
        try {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(key),
                        RequestBody.fromInputStream(new ByteArrayInputStream(filling, 0, filled), filled));
            } else {
                if (filled > 0) {
                    sendPart();
                }
                awaitSending();
                s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            }
            committed = true;
        } catch (SdkException e) {
            throw storage.failed("upload", key, e);
        } finally {
            release();
        }
    }

    @Override
    public void abort() throws IOException {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        try {
            if (sending != null) {
                sending.cancel(true);
            }
            if (uploadId != null) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
                LOG.debug("Aborted the upload of {}", key);
            }
        } catch (SdkException e) {
            throw storage.failed("abort the upload of", key, e);
        } finally {
            release();
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    private void checkOpen() throws IOException {
        if (committed || aborted) {
            throw new IOException("the upload of " + key + " is " + (committed ? "committed" : "aborted"));
        }
    }

    private void release() {
        if (sender != null) {
            sender.shutdownNow();
        }
        filling = null;
        spare = null;
    }
}
