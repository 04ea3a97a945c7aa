package io.dbsnap.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 endpoint in this JVM for the tests of the bucket store: S3Proxy (from Maven Central,
 * {@code org.gaul:s3proxy}) over jclouds' filesystem backend in a temporary directory, so that
 * large snapshots go to disk, not to the test's heap. Started once per JVM on a free port of
 * 127.0.0.1 with AWS signature v4 and fixed test credentials, stopped by a shutdown hook. The
 * tests reach it with the real AWS SDK; nothing of S3 is mocked.
 *
 * <p>A module that uses it adds {@code org.gaul:s3proxy} to its test dependencies (the testkit
 * has it as optional, so that the others do not get S3Proxy, jclouds and Jetty).
 */
public final class S3Server {

    public static final String ACCESS_KEY = "dbsnap-test-access";
    public static final String SECRET_KEY = "dbsnap-test-secret";
    private static S3Server shared;

    private final S3Proxy proxy;
    private final BlobStore blobs;
    private final Path root;

    private S3Server(S3Proxy proxy, BlobStore blobs, Path root) {
        this.proxy = proxy;
        this.blobs = blobs;
        this.root = root;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            shared = start();
            S3Server started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3proxy-stop"));
        }
        return shared;
    }

    private static S3Server start() {
        try {
            Path root = Files.createTempDirectory("dbsnap-s3proxy-");
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", root.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                    .overrides(properties).build(BlobStoreContext.class);
            BlobStore blobs = context.getBlobStore();
            S3Proxy proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState())) {
                    throw new IllegalStateException("S3Proxy failed to start");
                }
                Thread.sleep(10);
            }
            return new S3Server(proxy, blobs, root);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start S3Proxy: " + e, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Creates a bucket of a new name and returns it. */
    public String newBucket() {
        String bucket = "dbsnap-" + UUID.randomUUID().toString().substring(0, 13);
        blobs.createContainerInLocation(null, bucket);
        return bucket;
    }

    /**
     * The settings that point dbsnap (and the AWS SDK's standard chain) at this server, as
     * environment variables for a child process.
     */
    public Map<String, String> environment() {
        return Map.of("DBSNAP_S3_ENDPOINT", endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1");
    }

    /** The same settings as system properties of this JVM, which the SDK's chain reads too. */
    public S3Server configureThisJvm() {
        System.setProperty("dbsnap.s3.endpoint", endpoint().toString());
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.region", "us-east-1");
        return this;
    }

    private void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // the JVM is ending
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary directory: the system cleans it
        }
    }
}
