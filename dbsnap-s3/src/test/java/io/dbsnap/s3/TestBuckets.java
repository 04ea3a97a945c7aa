package io.dbsnap.s3;

import io.dbsnap.testkit.S3Server;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The tests' view of the S3 server: a bucket of their own, and a client of the tests' own (not
 * dbsnap's provider) to look at what dbsnap left there.
 */
final class TestBuckets {

    private TestBuckets() {
    }

    /** The shared server, with this JVM's settings pointing dbsnap at it. */
    static S3Server server() {
        return S3Server.shared().configureThisJvm();
    }

    /** {@code s3://NEW-BUCKET/prefix} as a path, as {@code --dir} and {@code Snapshots.in} get it. */
    static Path newLocation(String prefix) {
        return Path.of("s3://" + server().newBucket() + "/" + prefix);
    }

    static String bucketOf(Path location) {
        return location.toString().replaceFirst("^s3:/+", "").split("/")[0];
    }

    static S3Client client() {
        return S3Client.builder().endpointOverride(server().endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    static List<String> keys(Path location) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucketOf(location))).contents().stream().map(S3Object::key)
                    // the filesystem backend lists its directories as keys ending in /
                    .filter(key -> !key.endsWith("/")).sorted().toList();
        }
    }

    static List<MultipartUpload> pendingUploads(Path location) {
        try (S3Client s3 = client()) {
            return s3.listMultipartUploads(b -> b.bucket(bucketOf(location))).uploads();
        }
    }
}
