package io.dbsnap.bench;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.TableFacts;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.S3Server;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A data snapshot straight into a bucket against what teams script today: {@code pg_dump | gzip}
 * into a local file, then an upload of that file with the same AWS SDK (one PutObject, as
 * {@code mc cp} or {@code aws s3 cp} would for a file this size). Both compress with gzip
 * (dbsnap at level 1, gzip at its default 6) and go to the same S3 server (S3Proxy in this JVM,
 * filesystem backend), so the network is the loopback for both. Each repetition checks its
 * results: dbsnap's snapshot must record the source's row count and pass {@code verify}; the
 * uploaded file must have the local file's size. Writes {@code target/bench/bucket.md}.
 *
 * <p>System properties: {@code bench.dataMegabytes} (default 1024), {@code bench.repetitions}
 * (default 5), {@code bench.output}.
 */
public final class BucketBenchmark {

    private BucketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // S3Proxy's Jetty threads are not daemons: without an explicit exit the JVM would stay up
        // after the report; exiting runs the shutdown hooks that stop it and PostgreSQL
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        int megabytes = Integer.getInteger("bench.dataMegabytes", 1024);
        int repetitions = Integer.getInteger("bench.repetitions", 5);
        Path out = Path.of(System.getProperty("bench.output", "target/bench"));
        Files.createDirectories(out);
        S3Server s3 = S3Server.shared().configureThisJvm();
        String bucket = s3.newBucket();
        Path location = Path.of("s3://" + bucket + "/dbsnap");
        PostgresServer server = PostgresServer.shared();
        try (TestDatabase db = server.createDatabase("bench_bucket");
             S3Client client = client(s3)) {
            BenchOutput.progress("Generating about %d MB of rows in %s", megabytes, db);
            new GeneratedData(megabytes).create(db);
            long sourceRows = ResultCheck.rowCounts(db).values().stream().mapToLong(Long::longValue).sum();
            Path file = out.resolve("pg_dump.sql.gz");

            BenchOutput.progress("Warm-up");
            dbsnap(db, location, sourceRows);
            pgDumpGzip(db, file);
            upload(client, bucket, file);

            List<Double> dbsnap = new ArrayList<>();
            List<Double> dumps = new ArrayList<>();
            List<Double> uploads = new ArrayList<>();
            long snapshotBytes = 0;
            long fileBytes = 0;
            for (int i = 0; i < repetitions; i++) {
                double[] script = new double[2];
                // alternating who goes first evens out drift (page cache, autovacuum, neighbours)
                if (i % 2 == 0) {
                    snapshotBytes = timed(dbsnap, () -> dbsnap(db, location, sourceRows));
                    fileBytes = script(db, client, bucket, file, script);
                } else {
                    fileBytes = script(db, client, bucket, file, script);
                    snapshotBytes = timed(dbsnap, () -> dbsnap(db, location, sourceRows));
                }
                dumps.add(script[0]);
                uploads.add(script[1]);
                BenchOutput.progress("Run %d of %d: dbsnap to the bucket %.0f ms; pg_dump | gzip %.0f ms + upload %.0f ms",
                        i + 1, repetitions, dbsnap.get(i), script[0], script[1]);
            }
            Files.deleteIfExists(file);
            List<Double> scripted = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                scripted.add(dumps.get(i) + uploads.get(i));
            }
            Samples ours = new Samples(dbsnap);
            Samples theirs = new Samples(scripted);
            BenchOutput.publish(out, "bucket.md", markdown(megabytes, sourceRows, MachineFacts.of(db), ours,
                    new Samples(dumps), new Samples(uploads), theirs, snapshotBytes, fileBytes));
        }
    }

    private interface Run {
        long run() throws Exception;
    }

    private static long timed(List<Double> times, Run run) throws Exception {
        sync();
        long start = System.nanoTime();
        long result = run.run();
        times.add(Samples.millis(System.nanoTime() - start));
        return result;
    }

    /** A gzip data snapshot into the bucket, checked and then deleted; returns its size. */
    private static long dbsnap(TestDatabase db, Path location, long sourceRows) {
        Snapshot snapshot = Snapshots.create("bench").withData().gzip().in(location).from(db.dataSource());
        long rows = snapshot.metadata().tables().stream().mapToLong(TableFacts::rows).sum();
        if (rows != sourceRows) {
            throw new IllegalStateException("dbsnap's snapshot records " + rows + " rows, the source has " + sourceRows);
        }
        SnapshotStore store = new SnapshotStore(location);
        store.verify(snapshot.stored());
        long size = snapshot.stored().sizeBytes();
        store.delete(snapshot.stored());
        return size;
    }

    /** pg_dump | gzip into {@code file}, then its upload; times in {@code times}; returns the file's size. */
    private static long script(TestDatabase db, S3Client client, String bucket, Path file, double[] times)
            throws Exception {
        sync();
        long start = System.nanoTime();
        pgDumpGzip(db, file);
        times[0] = Samples.millis(System.nanoTime() - start);
        start = System.nanoTime();
        upload(client, bucket, file);
        times[1] = Samples.millis(System.nanoTime() - start);
        long size = Files.size(file);
        long uploaded = client.headObject(b -> b.bucket(bucket).key("script/" + file.getFileName())).contentLength();
        if (uploaded != size) {
            throw new IllegalStateException("the uploaded file has " + uploaded + " bytes, the local one " + size);
        }
        client.deleteObject(b -> b.bucket(bucket).key("script/" + file.getFileName()));
        return size;
    }

    private static void pgDumpGzip(TestDatabase db, Path file) throws Exception {
        Files.deleteIfExists(file);
        ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c",
                "pg_dump --host \"$1\" --port \"$2\" --username \"$3\" --dbname \"$4\" | gzip > \"$5\"", "bench",
                db.server().host(), String.valueOf(db.server().port()), db.user(), db.name(), file.toString())
                .inheritIO();
        builder.environment().put("PGPASSWORD", db.password());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pg_dump | gzip failed");
        }
    }

    private static void upload(S3Client client, String bucket, Path file) {
        client.putObject(b -> b.bucket(bucket).key("script/" + file.getFileName()), RequestBody.fromFile(file));
    }

    private static S3Client client(S3Server s3) {
        return S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    private static void sync() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static String markdown(int megabytes, long rows, MachineFacts machine, Samples ours, Samples dumps,
                                   Samples uploads, Samples theirs, long snapshotBytes, long fileBytes) {
        StringBuilder md = new StringBuilder();
        md.append("# Data snapshot into a bucket\n\n");
        md.append(String.format(Locale.ROOT, "About %d MB of rows generated (%,d rows); %d repetitions. Machine: %d "
                + "cores, %s, %s, %s; server: %s.%n%n", megabytes, rows, ours.values().size(), machine.cores(),
                machine.cpu(), machine.os(), machine.java(), machine.serverVersion()));
        md.append("| | median ms | min ms | max ms | local disk used |\n|---|---:|---:|---:|---:|\n");
        row(md, "dbsnap snapshot --data --gzip to s3://", ours, "0 B");
        row(md, "pg_dump \\| gzip > file", dumps, String.format(Locale.ROOT, "%,d B", fileBytes));
        row(md, "upload of the file (same SDK, PutObject)", uploads, "");
        row(md, "pg_dump \\| gzip, then upload", theirs, String.format(Locale.ROOT, "%,d B", fileBytes));
        md.append(String.format(Locale.ROOT, "%nRatio dbsnap ÷ (pg_dump | gzip + upload), median of the runs' ratios: "
                + "**%.2f** (below 1: dbsnap is faster). Object sizes: dbsnap %,d B (gzip level 1), pg_dump | gzip %,d B "
                + "(gzip level 6).%n", ours.pairedRatios(theirs).median(), snapshotBytes, fileBytes));
        return md.toString();
    }

    private static void row(StringBuilder md, String what, Samples samples, String disk) {
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |%n", what, samples.median(), samples.min(),
                samples.max(), disk));
    }
}
