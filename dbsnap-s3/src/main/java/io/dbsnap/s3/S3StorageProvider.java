package io.dbsnap.s3;

import io.dbsnap.errors.DbSnapException;
import io.dbsnap.store.ObjectStorage;
import io.dbsnap.store.ObjectStorageProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code s3://bucket/prefix} for {@link io.dbsnap.store.SnapshotStore}, found through
 * {@link java.util.ServiceLoader}. One client per setting for the whole JVM: a client holds a
 * connection pool, and stores are made freely (one per command, per request).
 */
public final class S3StorageProvider implements ObjectStorageProvider {

    private static final Map<S3Settings, S3Client> CLIENTS = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public ObjectStorage open(String bucket, String prefix) {
        S3Settings settings = S3Settings.fromEnvironment();
        if (settings.region().isEmpty()) {
            throw new DbSnapException("No AWS region is set for s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)
                    + ": set AWS_REGION (or a region in ~/.aws/config), or DBSNAP_S3_ENDPOINT for an S3-compatible "
                    + "service such as MinIO. Nothing was read or written.");
        }
        return new S3Storage(CLIENTS.computeIfAbsent(settings, S3StorageProvider::client), bucket, prefix);
    }

    private static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .forcePathStyle(settings.pathStyle())
                // The SHA-256 of every snapshot is computed by dbsnap as it streams and kept in its
                // metadata; the SDK's own checksums are sent only where the API requires them,
                // which every S3-compatible service understands (some reject the newer trailers).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().ifPresent(builder::region);
        return builder.build();
    }
}
