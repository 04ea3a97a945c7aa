package io.dbsnap.s3;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a directory. */
class DirectoryStoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    Path newStore() {
        return dir.resolve("snapshots");
    }
}
