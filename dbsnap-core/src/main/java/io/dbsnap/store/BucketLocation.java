package io.dbsnap.store;

import io.dbsnap.errors.DbSnapException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snapshot store's location when it is a bucket, {@code s3://bucket/prefix}, rather than a
 * directory. It arrives wherever a directory does ({@code --dir}, {@code DBSNAP_DIR},
 * {@code Snapshots.in(Path.of("s3://..."))}): as a {@link Path}, which folds the two slashes into
 * one ({@code s3:/bucket/prefix}), so both spellings are read. A relative directory named
 * {@code s3:} is not something people make on purpose.
 */
public record BucketLocation(String scheme, String bucket, String prefix) {

    private static final Pattern URI = Pattern.compile("(s3):/+([^/]+)/*(.*?)/*");

    /** The bucket named by {@code location}; empty for a directory. */
    public static Optional<BucketLocation> of(Path location) {
        return of(location.toString());
    }

    /** The bucket named by {@code location}; empty for a directory. */
    public static Optional<BucketLocation> of(String location) {
        Matcher m = URI.matcher(location);
        return m.matches() ? Optional.of(new BucketLocation(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** {@code s3://bucket/prefix}, as people write it. */
    @Override
    public String toString() {
        return scheme + "://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    /**
     * Opens the storage through the provider of its scheme on the class path.
     *
     * @throws DbSnapException when no provider is there, saying which module brings it
     */
    ObjectStorage open() {
        for (ObjectStorageProvider provider : ServiceLoader.load(ObjectStorageProvider.class,
                BucketLocation.class.getClassLoader())) {
            if (provider.scheme().equals(scheme)) {
                return provider.open(bucket, prefix);
            }
        }
        throw new DbSnapException("Snapshots in " + this + " need the module dbsnap-s3 on the class path (Maven: "
                + "io.dbsnap:dbsnap-s3, beside io.dbsnap:dbsnap); it is not there. The dbsnap command ships it. "
                + "Nothing was read or written.");
    }
}
