package io.dbsnap.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .pgpass format as libpq documents it (libpq "The Password File"), with lines written by hand. */
class PasswordFileTest {

    @TempDir
    Path dir;

    private Path file(String text, String mode) throws Exception {
        Path file = dir.resolve(".pgpass");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void escapesAreResolvedAndThePasswordRunsToTheEndOfTheLine() {
        assertThat(PasswordFile.fields("db\\:1:5432:my\\\\db:app:pa:ss\\:w\\\\rd"))
                .containsExactly("db:1", "5432", "my\\db", "app", "pa:ss:w\\rd");
    }

    @Test
    void theFirstMatchingLineWinsAndStarsMatchAnything() throws Exception {
        Path file = file("""
                # comment
                other:5432:shop:app:wrong-host
                db.example:5432:shop:app:exact
                *:*:*:app:any
                *:5433:*:*:port-only
                """, "rw-------");

        assertThat(PasswordFile.lookup(file, "db.example", 5432, "shop", "app")).contains("exact");
        assertThat(PasswordFile.lookup(file, "db.example", 5432, "crm", "app")).contains("any");
        assertThat(PasswordFile.lookup(file, "x", 5433, "y", "z")).contains("port-only");
        assertThat(PasswordFile.lookup(file, "x", 5432, "y", "z")).isEmpty();
        assertThat(PasswordFile.lookup(dir.resolve("absent"), "x", 5432, "y", "z")).isEmpty();
    }

    @Test
    void aFileOthersMayReadIsIgnoredAsLibpqDoes() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-rw----", "rw----r--")) {
            Path file = file("*:*:*:*:secret\n", mode);
            assertThat(PasswordFile.lookup(file, "h", 1, "d", "u")).as(mode).isEmpty();
        }
        assertThat(PasswordFile.lookup(file("*:*:*:*:secret\n", "r--------"), "h", 1, "d", "u")).contains("secret");
    }

    /** libpq: a socket directory matches its own path, and "localhost" when it is the default socket directory. */
    @Test
    void aUnixSocketHostMatchesItsPathOrLocalhostForTheDefaultDirectory() throws Exception {
        Path file = file("""
                /srv/pg:5432:shop:app:by-path
                localhost:5432:shop:app:by-localhost
                """, "rw-------");
        LibpqEnvironment environment = LibpqEnvironment.of(java.util.Map.of("PGPASSFILE", file.toString()));

        assertThat(environment.complete(ConnectionUrl.parse("postgresql://app@%2Fsrv%2Fpg/shop")).password())
                .contains("by-path");
        assertThat(environment.complete(ConnectionUrl.parse("postgresql:///shop?host=/var/run/postgresql&user=app"))
                .password()).contains("by-localhost");
        assertThat(environment.complete(ConnectionUrl.parse("postgresql://app@%2Fother/shop")).password()).isEmpty();
    }

    @Test
    void pghostNamingASocketDirectoryIsASocketUrl() {
        String url = LibpqEnvironment.of(java.util.Map.of("PGHOST", "/var/run/postgresql", "PGUSER", "app",
                "PGDATABASE", "shop")).url().orElseThrow();

        assertThat(ConnectionUrl.parse(url).socketDirectory()).contains("/var/run/postgresql");
        assertThat(ConnectionUrl.parse(url).describe()).isEqualTo("app@/var/run/postgresql:5432/shop");
    }
}
