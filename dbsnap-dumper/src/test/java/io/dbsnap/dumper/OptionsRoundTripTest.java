package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.dump.DdlOptions;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.Psql;
import io.dbsnap.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle round trip with the planner's options: owners and privileges, and clean. */
class OptionsRoundTripTest {

    @Test
    void ownersAndPrivilegesSurviveByDefault(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("privileges_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("privileges_dst");
             TestDatabase plain = PostgresServer.shared().createDatabase("privileges_plain")) {
            Fixtures.load(src, dir, "privileges.sql");

            Path script = dir.resolve("with-access.sql");
            // owners and privileges are the default, as with pg_dump
            Files.writeString(script, RoundTrip.dump(src));
            Psql.runFile(dst, script);
            // pg_dump --schema-only leaves large objects out; the server's catalog tells of them
            String expected = PgDump.schemaOnly(src) + RoundTrip.largeObjects(src);
            assertThat(PgDump.schemaOnly(dst) + RoundTrip.largeObjects(dst)).isEqualTo(expected);
            assertThat(expected).contains("OWNER TO dbsnap_owner", "GRANT SELECT(email),UPDATE(email) ON TABLE owned.accounts TO PUBLIC",
                    "WITH GRANT OPTION", "ALTER DEFAULT PRIVILEGES FOR ROLE dbsnap_owner IN SCHEMA owned",
                    "REVOKE ALL ON FUNCTION owned.secret_count() FROM PUBLIC", "dbsnap_reader=r/dbsnap_owner");

            // with the opt-outs neither is written, as with pg_dump --no-owner --no-privileges
            String without = RoundTrip.dump(src, DdlOptions.defaults().noOwner().noPrivileges());
            assertThat(without).doesNotContain("OWNER TO", "GRANT ", "REVOKE ", "DEFAULT PRIVILEGES");
            RoundTrip.load(plain, without);
            assertThat(RoundTrip.schemaWithoutOwnersOrGrants(plain)).isEqualTo(RoundTrip.schemaWithoutOwnersOrGrants(src));
        }
    }

    /**
     * Objects that come with the database or an extension are not created by the script: as
     * pg_dump does, only how their owner and privileges differ from the initial ones is written.
     */
    @Test
    void schemaPublicAndExtensionMembersAreWrittenRelativeToTheirInitialPrivileges(@TempDir Path dir) throws Exception {
        String role = "dbsnap_init_" + UUID.randomUUID().toString().substring(0, 8);
        try (TestDatabase src = PostgresServer.shared().createDatabase("init_privs_src");
             TestDatabase viaJdbc = PostgresServer.shared().createDatabase("init_privs_jdbc");
             TestDatabase viaPsql = PostgresServer.shared().createDatabase("init_privs_psql")) {
            src.execute("""
                    CREATE ROLE %1$s;
                    ALTER SCHEMA public OWNER TO %1$s;
                    REVOKE USAGE ON SCHEMA public FROM PUBLIC;
                    GRANT CREATE ON SCHEMA public TO PUBLIC;
                    CREATE SCHEMA extensions;
                    CREATE EXTENSION pgcrypto WITH SCHEMA extensions;
                    GRANT EXECUTE ON FUNCTION extensions.crypt(text, text) TO %1$s WITH GRANT OPTION;
                    REVOKE EXECUTE ON FUNCTION extensions.gen_salt(text) FROM PUBLIC;
                    GRANT EXECUTE ON FUNCTION extensions.digest(text, text) TO %1$s;
                    REVOKE EXECUTE ON FUNCTION extensions.digest(text, text) FROM %1$s;
                    """.formatted(role));
            String expected = PgDump.schemaOnly(src);
            assertThat(expected).contains("ALTER SCHEMA public OWNER TO " + role,
                    "GRANT ALL ON FUNCTION extensions.crypt(text, text) TO " + role + " WITH GRANT OPTION",
                    "REVOKE ALL ON FUNCTION extensions.gen_salt(text) FROM PUBLIC");

            String script = RoundTrip.dump(src);
            // the untouched members and public's unchanged entries are not written
            assertThat(script).doesNotContain("extensions.digest", "ALTER SCHEMA public OWNER TO pg_database_owner")
                    .contains("GRANT EXECUTE ON FUNCTION extensions.crypt(text, text) TO " + role + " WITH GRANT OPTION;");
            RoundTrip.load(viaJdbc, script);
            Path file = dir.resolve("init-privs.sql");
            Files.writeString(file, script);
            Psql.runFile(viaPsql, file);
            assertThat(PgDump.schemaOnly(viaJdbc)).isEqualTo(expected);
            assertThat(PgDump.schemaOnly(viaPsql)).isEqualTo(expected);
        } finally {
            try (TestDatabase any = PostgresServer.shared().createDatabase("init_privs_cleanup")) {
                any.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aCleanScriptReplacesAnOlderVersionOfTheSchema(@TempDir Path dir) throws Exception {
        try (TestDatabase src = PostgresServer.shared().createDatabase("clean_src");
             TestDatabase old = PostgresServer.shared().createDatabase("clean_old")) {
            Fixtures.loadManyKinds(src, dir);
            // The older version: the same fixture before a migration that added, changed and
            // removed objects (here undone by hand).
            Fixtures.loadManyKinds(old, dir);
            old.execute("""
                    DROP VIEW "Mixed Case".richest;
                    DROP POLICY own_rows ON "Mixed Case"."User";
                    ALTER TABLE "select".scratch DROP COLUMN v;
                    ALTER TABLE "select"."order" DROP CONSTRAINT order_user_id_fkey;
                    CREATE OR REPLACE FUNCTION "Mixed Case".add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE
                        AS 'SELECT i + 2';
                    ALTER TYPE "Mixed Case".mood RENAME VALUE 'ok' TO 'fine';
                    DROP EVENT TRIGGER quiet;
                    DROP TABLE "select".pairs;
                    DROP SCHEMA ext CASCADE;
                    """);
            String before = RoundTrip.schemaWithoutOwnersOrGrants(old);
            assertThat(before).isNotEqualTo(RoundTrip.schemaWithoutOwnersOrGrants(src));

            Path script = dir.resolve("clean.sql");
            Files.writeString(script, RoundTrip.dump(src, DdlOptions.defaults().withClean()));
            Psql.runFile(old, script);

            assertThat(RoundTrip.schemaWithoutOwnersOrGrants(old)).isEqualTo(RoundTrip.schemaWithoutOwnersOrGrants(src));
            assertThat(Files.readString(script)).contains("DROP TABLE IF EXISTS \"select\".pairs;",
                    "DROP TYPE IF EXISTS \"select\".tiny_text CASCADE;", "DROP EVENT TRIGGER IF EXISTS quiet;");
        }
    }
}
