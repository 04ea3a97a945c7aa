/**
 * Snapshot stores in S3-compatible buckets. Nothing to export: users write {@code s3://bucket/prefix}
 * where they write a directory, and the core finds this module's provider by ServiceLoader (the
 * META-INF/services file says the same for the class path).
 */
// the AWS SDK has no descriptors, only Automatic-Module-Names; the name ends in a digit as its package does
@SuppressWarnings({"requires-automatic", "module"})
module io.dbsnap.s3 {
    requires io.dbsnap.core;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.services.s3;
    requires org.slf4j;

    provides io.dbsnap.store.ObjectStorageProvider with io.dbsnap.s3.S3StorageProvider;
}
