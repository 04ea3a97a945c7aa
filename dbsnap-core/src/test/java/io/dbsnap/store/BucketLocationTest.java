package io.dbsnap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.errors.DbSnapException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** s3://bucket/prefix wherever a directory is accepted, and what happens without dbsnap-s3. */
class BucketLocationTest {

    @Test
    void aBucketIsReadFromTheUriAndFromThePathThatFoldedItsSlashes() {
        assertThat(BucketLocation.of("s3://backups/supabase/main/"))
                .contains(new BucketLocation("s3", "backups", "supabase/main"));
        // Path.of("s3://backups/supabase/main") on Unix is s3:/backups/supabase/main
        assertThat(BucketLocation.of(Path.of("s3://backups/supabase/main")))
                .contains(new BucketLocation("s3", "backups", "supabase/main"));
        assertThat(BucketLocation.of(Path.of("s3://backups"))).contains(new BucketLocation("s3", "backups", ""));
        assertThat(BucketLocation.of(Path.of("s3://backups/supabase")).map(Object::toString))
                .contains("s3://backups/supabase");
    }

    @Test
    void directoriesAreNotBuckets() {
        assertThat(BucketLocation.of(Path.of("snapshots"))).isEmpty();
        assertThat(BucketLocation.of(Path.of("/srv/s3/backups"))).isEmpty();
        assertThat(BucketLocation.of(Path.of("s3-backups/x"))).isEmpty();
    }

    @Test
    void withoutTheS3ModuleABucketIsRefusedNamingTheModuleAndNothingIsWritten() {
        // dbsnap-core's tests have no ObjectStorageProvider on their class path
        assertThatThrownBy(() -> new SnapshotStore(Path.of("s3://backups/app")))
                .isInstanceOf(DbSnapException.class)
                .hasMessageContaining("s3://backups/app").hasMessageContaining("dbsnap-s3")
                .hasMessageContaining("Nothing was read or written");
        // no local directory named after the bucket was made
        assertThat(Path.of("s3:")).doesNotExist();
    }
}
