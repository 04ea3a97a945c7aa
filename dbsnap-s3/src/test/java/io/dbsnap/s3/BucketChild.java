package io.dbsnap.s3;

import io.dbsnap.Snapshot;
import io.dbsnap.Snapshots;
import java.nio.file.Path;

/**
 * Snapshots into a bucket, or restores from one, in a JVM of its own (a small heap, or to be
 * killed). Arguments: {@code snapshot LOCATION LABEL} or {@code restore LOCATION NAME}; the
 * database's URL, with its password, comes in {@code DBSNAP_TEST_URL}, and the S3 settings in the
 * environment as a user would give them ({@code DBSNAP_S3_ENDPOINT}, {@code AWS_ACCESS_KEY_ID}, ...).
 */
public final class BucketChild {

    private BucketChild() {
    }

    public static void main(String[] args) {
        Path location = Path.of(args[1]);
        String url = System.getenv("DBSNAP_TEST_URL");
        if (args[0].equals("snapshot")) {
            Snapshot taken = Snapshots.create(args[2]).withData().in(location).from(url);
            System.out.println("written " + taken.name() + " max heap " + Runtime.getRuntime().maxMemory());
        } else {
            Snapshots.in(location).get(args[2]).restoreTo(url);
            System.out.println("restored max heap " + Runtime.getRuntime().maxMemory());
        }
    }
}
