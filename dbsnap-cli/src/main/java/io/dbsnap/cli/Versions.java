package io.dbsnap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.postgresql.util.DriverInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code dbsnap --version}: the version the build wrote into dbsnap-core's
 * {@code io/dbsnap/store/dbsnap-version.properties} (the one recorded in every snapshot's metadata),
 * with the Java runtime it runs on and the PostgreSQL JDBC driver (pgjdbc) inside the jar, which
 * decides what connection options and authentication methods work.
 */
final class Versions implements IVersionProvider {

    private static final String RESOURCE = "/io/dbsnap/store/dbsnap-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"dbsnap " + current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "PostgreSQL JDBC driver " + DriverInfo.DRIVER_VERSION};
    }

    static String current() {
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.contains("${")) {
                    return version.trim();
                }
            }
        } catch (IOException e) {
            // the version is a courtesy; fall through
        }
        return "dev";
    }
}
