package io.dbsnap.store;

/**
 * Opens object storage for a location such as {@code s3://bucket/prefix}. Found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.dbsnap.store.ObjectStorageProvider}),
 * so that the core does not depend on any cloud SDK: the module {@code dbsnap-s3} provides
 * {@code s3}.
 */
public interface ObjectStorageProvider {

    /** The URI scheme it opens, such as {@code s3}. */
    String scheme();

    /**
     * @param bucket the bucket (the URI's authority)
     * @param prefix the path inside it without leading or trailing slash; empty for the bucket's root
     */
    ObjectStorage open(String bucket, String prefix);
}
