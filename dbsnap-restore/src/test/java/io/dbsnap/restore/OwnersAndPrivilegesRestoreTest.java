package io.dbsnap.restore;

import io.dbsnap.errors.MissingRolesException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.dumper.DatabaseDumper;
import io.dbsnap.dump.DumpOptions;
import io.dbsnap.store.SnapshotStore;
import io.dbsnap.store.StoredSnapshot;
import io.dbsnap.testkit.PgDump;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback must give the application its access back: snapshots record owners and grants by
 * default (as pg_dump does), a restore sets them again, checks first that the server has the
 * roles they name, and its verification fails when a grant is missing. The oracle is plain
 * {@code pg_dump --schema-only}, which writes owners and ACLs.
 */
class OwnersAndPrivilegesRestoreTest {

    /** Roles belong to the cluster: unique names per test, dropped afterwards. */
    private String owner;
    private String reader;

    @BeforeEach
    void names() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = "dbsnap_acl_owner_" + suffix;
        reader = "dbsnap_acl_reader_" + suffix;
    }

    @AfterEach
    void dropRoles() throws Exception {
        // the test databases are gone by now, and with them everything the roles owned or were granted
        try (TestDatabase any = PostgresServer.shared().createDatabase("acl_cleanup")) {
            any.execute("DROP ROLE IF EXISTS " + owner + "; DROP ROLE IF EXISTS " + reader);
        }
    }

    /**
     * Grants to two roles on a table, its columns, a function, a schema, a sequence, default
     * privileges, schema {@code public} and the members of an extension (pgcrypto).
     */
    private String fixture() {
        return """
                CREATE ROLE %1$s; CREATE ROLE %2$s;
                CREATE SCHEMA app AUTHORIZATION %1$s;
                GRANT USAGE ON SCHEMA app TO %2$s;
                CREATE TABLE app.orders (id serial PRIMARY KEY, total numeric, note text);
                ALTER TABLE app.orders OWNER TO %1$s;
                GRANT SELECT, INSERT ON app.orders TO %2$s;
                GRANT UPDATE (note) ON app.orders TO %2$s;
                GRANT SELECT (id) ON app.orders TO PUBLIC;
                CREATE SEQUENCE app.tickets;
                ALTER SEQUENCE app.tickets OWNER TO %1$s;
                GRANT USAGE ON SEQUENCE app.tickets TO %2$s;
                CREATE FUNCTION app.total() RETURNS numeric LANGUAGE sql AS 'SELECT sum(total) FROM app.orders';
                ALTER FUNCTION app.total() OWNER TO %1$s;
                REVOKE EXECUTE ON FUNCTION app.total() FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION app.total() TO %2$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA app GRANT SELECT ON TABLES TO %2$s;
                GRANT USAGE ON SCHEMA public TO %2$s;
                CREATE SCHEMA extensions;
                CREATE EXTENSION pgcrypto WITH SCHEMA extensions;
                GRANT EXECUTE ON FUNCTION extensions.crypt(text, text) TO %2$s;
                REVOKE EXECUTE ON FUNCTION extensions.gen_salt(text) FROM PUBLIC;
                """.formatted(owner, reader);
    }

    private static StoredSnapshot snapshot(SnapshotStore store, TestDatabase db, String label) throws Exception {
        try (Connection c = db.connect()) {
            return store.write(label, new DatabaseDumper(CatalogReader.allSchemas(), DumpOptions.schemaOnly())
                    .snapshotContent(c));
        }
    }

    private static RestoreReport restoreInPlace(TestDatabase db, SnapshotStore store, StoredSnapshot snapshot)
            throws Exception {
        try (Connection c = db.connect()) {
            return new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot()).restore(c, snapshot);
        }
    }

    @Test
    void aRestoreInPlacePutsBackEveryOwnerAndGrant(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_in_place")) {
            db.execute(fixture());
            String atSnapshot = PgDump.schemaOnly(db);
            assertThat(atSnapshot).contains("ALTER TABLE app.orders OWNER TO " + owner,
                    "GRANT UPDATE(note) ON TABLE app.orders TO " + reader,
                    "GRANT ALL ON FUNCTION extensions.crypt(text, text) TO " + reader,
                    "REVOKE ALL ON FUNCTION extensions.gen_salt(text) FROM PUBLIC",
                    "GRANT USAGE ON SCHEMA public TO " + reader,
                    "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA app GRANT SELECT ON TABLES");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "with_grants");
            assertThat(store.metadata(snapshot).access().owners()).isTrue();
            assertThat(Files.readString(dir.resolve(snapshot.sqlFile().getFileName())))
                    .contains("GRANT EXECUTE ON FUNCTION extensions.crypt(text, text) TO " + reader)
                    .doesNotContain("ALTER SCHEMA public OWNER");

            db.execute("""
                    REVOKE SELECT ON app.orders FROM %2$s;
                    REVOKE UPDATE (note) ON app.orders FROM %2$s;
                    GRANT DELETE ON app.orders TO PUBLIC;
                    ALTER TABLE app.orders OWNER TO %2$s;
                    REVOKE USAGE ON SEQUENCE app.tickets FROM %2$s;
                    REVOKE USAGE ON SCHEMA app FROM %2$s;
                    REVOKE EXECUTE ON FUNCTION app.total() FROM %2$s;
                    ALTER DEFAULT PRIVILEGES FOR ROLE %1$s IN SCHEMA app REVOKE SELECT ON TABLES FROM %2$s;
                    REVOKE EXECUTE ON FUNCTION extensions.crypt(text, text) FROM %2$s;
                    GRANT EXECUTE ON FUNCTION extensions.gen_salt(text) TO PUBLIC;
                    REVOKE USAGE ON SCHEMA public FROM %2$s;
                    GRANT CREATE ON SCHEMA public TO %1$s;
                    ALTER SCHEMA public OWNER TO %1$s;
                    """.formatted(owner, reader));
            assertThat(PgDump.schemaOnly(db)).isNotEqualTo(atSnapshot);

            RestoreReport report = restoreInPlace(db, store, snapshot);

            assertThat(PgDump.schemaOnly(db)).isEqualTo(atSnapshot);
            assertThat(report.verification().differences()).isEmpty();
        }
    }

    /**
     * What a script does not create but pg_dump still records: a grant passed on by a role other
     * than the owner (made as that role), schema {@code public} given to another owner, and grants
     * changed on the objects a database comes with: a built-in function and a system table's
     * columns (system column {@code tableoid} included) in {@code pg_catalog}, and an extension's
     * language ({@code plpgsql}).
     */
    @Test
    void grantsOnObjectsTheScriptDoesNotCreateComeBackInPlace(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_predefined")) {
            db.execute(fixture() + """
                    CREATE TABLE app.log (id int, body text);
                    ALTER TABLE app.log OWNER TO %1$s;
                    GRANT SELECT ON app.log TO %2$s WITH GRANT OPTION;
                    SET ROLE %2$s; GRANT SELECT ON app.log TO PUBLIC; RESET ROLE;
                    ALTER SCHEMA public OWNER TO %1$s;
                    REVOKE CREATE ON SCHEMA public FROM %1$s;
                    REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
                    GRANT USAGE ON LANGUAGE plpgsql TO %2$s;
                    REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep(float8) FROM PUBLIC;
                    GRANT EXECUTE ON FUNCTION pg_catalog.pg_sleep(float8) TO %2$s;
                    REVOKE SELECT ON pg_catalog.pg_proc FROM PUBLIC;
                    GRANT SELECT (tableoid, oid, proname) ON pg_catalog.pg_proc TO PUBLIC;
                    """.formatted(owner, reader));
            String atSnapshot = PgDump.schemaOnly(db);
            // the oracle sees every one of them
            assertThat(atSnapshot).contains("SET SESSION AUTHORIZATION " + reader + ";\nGRANT SELECT ON TABLE app.log TO PUBLIC;",
                    "ALTER SCHEMA public OWNER TO " + owner, "REVOKE ALL ON SCHEMA public FROM " + owner,
                    "GRANT ALL ON LANGUAGE plpgsql TO " + reader,
                    "GRANT ALL ON FUNCTION pg_catalog.pg_sleep(double precision) TO " + reader,
                    "REVOKE SELECT ON TABLE pg_catalog.pg_proc FROM PUBLIC",
                    "GRANT SELECT(tableoid) ON TABLE pg_catalog.pg_proc TO PUBLIC");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "predefined");

            db.execute("""
                    REVOKE SELECT ON app.log FROM %2$s CASCADE;
                    ALTER SCHEMA public OWNER TO %2$s;
                    GRANT USAGE ON LANGUAGE plpgsql TO PUBLIC;
                    REVOKE USAGE ON LANGUAGE plpgsql FROM %2$s;
                    GRANT EXECUTE ON FUNCTION pg_catalog.pg_sleep(float8) TO PUBLIC;
                    GRANT SELECT ON pg_catalog.pg_proc TO PUBLIC;
                    """.formatted(owner, reader));
            assertThat(PgDump.schemaOnly(db)).isNotEqualTo(atSnapshot);

            RestoreReport report = restoreInPlace(db, store, snapshot);

            assertThat(PgDump.schemaOnly(db)).isEqualTo(atSnapshot);
            assertThat(report.verification().differences()).isEmpty();
        }
    }

    @Test
    void verificationFailsWhenAGrantIsMissing(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_verify")) {
            db.execute(fixture());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "with_grants");
            Catalog expected = store.catalog(snapshot).orElseThrow();
            try (Connection c = db.connect()) {
                assertThat(new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot())
                        .restore(c, snapshot).verification().verified()).isTrue();
            }

            db.execute("REVOKE SELECT ON app.orders FROM " + reader
                    + "; REVOKE EXECUTE ON FUNCTION extensions.crypt(text, text) FROM " + reader);
            Catalog restored;
            try (Connection c = db.connect()) {
                restored = CatalogReader.allSchemas().read(c);
            }
            List<String> differences = CatalogVerification.differences(expected, restored, true, true);
            assertThat(differences).containsExactlyInAnyOrder(
                    "not as in the snapshot: privileges on TABLE app.orders (privileges of " + reader
                            + ": INSERT, SELECT → INSERT)",
                    // the function's list went back to the one pgcrypto created it with
                    "missing after the restore: privileges on FUNCTION extensions.crypt(text, text) (privileges of "
                            + reader + " removed: EXECUTE)");
            // without owners and grants the two catalogs look alike: the check is the grants'
            assertThat(CatalogVerification.differences(expected, restored, false, false)).isEmpty();
        }
    }

    @Test
    void aRestoreThatWouldLoseAGrantIsNotVerified(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_unverified")) {
            db.execute(fixture());
            SnapshotStore store = new SnapshotStore(dir);
            // a snapshot whose script ends by taking a grant away again: the restore runs it all
            StoredSnapshot snapshot = EditedSnapshot.withStatement(store, db, "loses_grant", DumpOptions.schemaOnly(),
                    "REVOKE USAGE ON SEQUENCE app.tickets FROM " + reader + ";");

            RestoreReport report = restoreInPlace(db, store, snapshot);

            assertThat(report.verification().verified()).isFalse();
            assertThat(report.verification().differences())
                    .containsExactly("not as in the snapshot: privileges on SEQUENCE app.tickets (privileges of " + reader
                            + " removed: USAGE)");
        }
    }

    @Test
    void aServerWithoutTheRolesIsRefusedBeforeAnyChangeAndRestoresWithoutThem(@TempDir Path dir) throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_roles")) {
            db.execute(fixture());
            String atSnapshot = PgDump.run(db, "--schema-only", "--no-owner", "--no-privileges");
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "with_grants");

            // the roles go: their objects pass to the test's role, their grants with them
            db.execute("REASSIGN OWNED BY %1$s TO CURRENT_USER; DROP OWNED BY %1$s; DROP ROLE %1$s;"
                    .formatted(owner));
            db.execute("DROP OWNED BY %1$s; DROP ROLE %1$s;".formatted(reader));
            db.execute("CREATE TABLE app.after_snapshot (id int)");
            String beforeRestore = PgDump.schemaOnly(db);

            try (Connection c = db.connect()) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults()).restore(c, snapshot))
                        .isInstanceOf(MissingRolesException.class)
                        .hasMessageContaining("2 roles this server does not have: " + owner + ", " + reader)
                        .hasMessageContaining("--no-owner").hasMessageContaining("--no-privileges")
                        .satisfies(e -> assertThat(((MissingRolesException) e).roles()).containsExactly(owner, reader));
            }
            assertThat(PgDump.schemaOnly(db)).isEqualTo(beforeRestore);
            // refused before the safety snapshot too: nothing was written
            assertThat(store.list()).containsExactly(snapshot);

            RestoreReport report;
            try (Connection c = db.connect()) {
                report = new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot().noOwner()
                        .noPrivileges()).restore(c, snapshot);
            }
            assertThat(report.verification().differences()).isEmpty();
            assertThat(PgDump.run(db, "--schema-only", "--no-owner", "--no-privileges")).isEqualTo(atSnapshot);
            String restored = PgDump.schemaOnly(db).toLowerCase(Locale.ROOT);
            assertThat(restored).doesNotContain(owner, reader);
        }
    }

    @Test
    void aRoleThatMayNotBecomeTheOwnerIsRefusedInWords(@TempDir Path dir) throws Exception {
        String restorer = "dbsnap_acl_restorer_" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        try (TestDatabase db = PostgresServer.shared().createDatabase("acl_not_member")) {
            db.execute(fixture());
            SnapshotStore store = new SnapshotStore(dir);
            StoredSnapshot snapshot = snapshot(store, db, "with_grants");
            db.execute("CREATE ROLE " + restorer + " LOGIN NOSUPERUSER PASSWORD '" + password + "'");
            String before = PgDump.schemaOnly(db);
            try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), restorer, password)) {
                assertThatThrownBy(() -> new SnapshotRestorer(store, RestoreOptions.defaults().withoutSafetySnapshot())
                        .restore(c, snapshot))
                        .isInstanceOf(MissingRolesException.class)
                        .hasMessageContaining("owned by " + owner)
                        .hasMessageContaining("(" + restorer + ") is not a superuser and may not SET ROLE to")
                        .hasMessageContaining("--no-owner");
            }
            assertThat(PgDump.schemaOnly(db)).isEqualTo(before);
        } finally {
            try (TestDatabase any = PostgresServer.shared().createDatabase("acl_cleanup_restorer")) {
                any.execute("DROP ROLE IF EXISTS " + restorer);
            }
        }
    }

    @Test
    void theRestorerRecognisesTheOwnerAndGrantStatements() {
        assertThat(AccessStatements.isOwner("ALTER TABLE app.\"Odd OWNER TO x\" OWNER TO \"Dbsnap Writer\";")).isTrue();
        assertThat(AccessStatements.isOwner("ALTER FUNCTION app.f(integer) OWNER TO app_owner;")).isTrue();
        assertThat(AccessStatements.isOwner("ALTER SEQUENCE app.s OWNED BY app.t.id;")).isFalse();
        assertThat(AccessStatements.isOwner("ALTER TABLE app.t ADD COLUMN owner_to text;")).isFalse();
        for (String grant : List.of("GRANT SELECT ON TABLE app.t TO r;", "REVOKE ALL ON SCHEMA s FROM PUBLIC;",
                "ALTER DEFAULT PRIVILEGES FOR ROLE r IN SCHEMA s GRANT SELECT ON TABLES TO x;")) {
            assertThat(AccessStatements.isPrivilege(grant)).as(grant).isTrue();
        }
        assertThat(AccessStatements.isPrivilege("CREATE TABLE grants (id int);")).isFalse();
    }
}
