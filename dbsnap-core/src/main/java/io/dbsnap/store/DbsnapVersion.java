package io.dbsnap.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of dbsnap that writes a snapshot, recorded in its metadata: the jar manifest's
 * {@code Implementation-Version}, else the version the build wrote into
 * {@code io/dbsnap/store/dbsnap-version.properties}, else {@code dev} (classes compiled outside Maven).
 */
final class DbsnapVersion {

    static final String UNKNOWN = "dev";
    private static final String RESOURCE = "/io/dbsnap/store/dbsnap-version.properties";
    private static final Logger LOG = LoggerFactory.getLogger(DbsnapVersion.class);
    private static final String CURRENT = read();

    private DbsnapVersion() {
    }

    static String current() {
        return CURRENT;
    }

    private static String read() {
        String fromManifest = DbsnapVersion.class.getPackage().getImplementationVersion();
        if (usable(fromManifest)) {
            return fromManifest.trim();
        }
        try (InputStream in = DbsnapVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String fromBuild = properties.getProperty("version");
                if (usable(fromBuild)) {
                    return fromBuild.trim();
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read {}; the dbsnap version is recorded as '{}'", RESOURCE, UNKNOWN, e);
        }
        return UNKNOWN;
    }

    /** An unfiltered resource still says ${project.version}. */
    private static boolean usable(String version) {
        return version != null && !version.isBlank() && !version.contains("${");
    }
}
