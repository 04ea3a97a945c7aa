package io.dbsnap.s3;

import io.dbsnap.store.ObjectStorage;
import io.dbsnap.store.ObjectUpload;
import io.dbsnap.store.PendingUpload;
import io.dbsnap.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects of one bucket under one prefix, through the AWS SDK's synchronous client. Every
 * failure of the SDK arrives as an {@link IOException} that names the object and the service's
 * answer (never a credential: the SDK does not put them in its messages).
 */
final class S3Storage implements ObjectStorage {

    private final S3Client s3;
    private final String bucket;
    /** The keys' common start: {@code prefix/}, or empty for the bucket's root. */
    private final String keyPrefix;
    private final String location;

    S3Storage(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keyPrefix = prefix.isEmpty() ? "" : prefix + "/";
        this.location = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public String location() {
        return location;
    }

    String key(String name) {
        return keyPrefix + name;
    }

    @Override
    public List<StoredObject> list() throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        try {
            // the delimiter keeps other prefixes under this one (another store) out
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix)
                    .delimiter("/").build();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                objects.add(new StoredObject(object.key().substring(keyPrefix.length()), object.size(),
                        object.lastModified()));
            }
        } catch (SdkException e) {
            throw failed("list", location, e);
        }
        return objects;
    }

    @Override
    public Optional<InputStream> open(String name) throws IOException {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(name))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failed("read", name, e);
        }
    }

    @Override
    public ObjectUpload create(String name) {
        return new S3Upload(this, s3, bucket, key(name));
    }

    @Override
    public void put(String name, byte[] content) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(name)), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failed("write", name, e);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key(name)));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkException e) {
            throw failed("delete", name, e);
        }
    }

    @Override
    public List<PendingUpload> pendingUploads() throws IOException {
        List<PendingUpload> pending = new ArrayList<>();
        try {
            ListMultipartUploadsRequest request = ListMultipartUploadsRequest.builder().bucket(bucket)
                    .prefix(keyPrefix).build();
            while (true) {
                ListMultipartUploadsResponse page = s3.listMultipartUploads(request);
                for (MultipartUpload upload : page.uploads()) {
                    String name = upload.key().substring(keyPrefix.length());
                    if (!name.contains("/")) {
                        pending.add(new PendingUpload(name, upload.uploadId(), upload.initiated()));
                    }
                }
                if (!Boolean.TRUE.equals(page.isTruncated())) {
                    return pending;
                }
                request = request.toBuilder().keyMarker(page.nextKeyMarker())
                        .uploadIdMarker(page.nextUploadIdMarker()).build();
            }
        } catch (SdkException e) {
            throw failed("list the pending uploads of", location, e);
        }
    }

    @Override
    public void abort(PendingUpload upload) throws IOException {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key(upload.name())).uploadId(upload.id()));
        } catch (NoSuchUploadException e) {
            // aborted or completed meanwhile
        } catch (SdkException e) {
            throw failed("abort the upload of", upload.name(), e);
        }
    }

    IOException failed(String what, String name, SdkException e) {
        String shown = name.startsWith("s3://") ? name : location + "/" + name;
        return new IOException("could not " + what + " " + shown + ": " + e.getMessage(), e);
    }
}
