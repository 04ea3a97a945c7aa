package io.dbsnap.dumper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Managed services (Supabase, RDS, ...) hand out a role that owns its schemas but is no superuser.
 * Dumping as such a role must give the same schema as dumping as a superuser.
 */
class NonSuperuserDumpTest {

    @Test
    void anOrdinaryRoleThatOwnsItsSchemaDumpsItLikeASuperuser() throws Exception {
        String password = UUID.randomUUID().toString();
        try (TestDatabase src = PostgresServer.shared().createDatabase("nonsuper_src");
             TestDatabase dst = PostgresServer.shared().createDatabase("nonsuper_dst")) {
            src.execute("DROP ROLE IF EXISTS dbsnap_app; CREATE ROLE dbsnap_app LOGIN NOSUPERUSER PASSWORD '" + password + "'");
            src.execute("""
                    CREATE SCHEMA app AUTHORIZATION dbsnap_app;
                    SET ROLE dbsnap_app;
                    CREATE TABLE app.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE);
                    CREATE TABLE app.notes (id serial PRIMARY KEY, user_id bigint REFERENCES app.users, body text);
                    CREATE VIEW app.note_counts AS SELECT user_id, count(*) FROM app.notes GROUP BY user_id;
                    CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TRIGGER notes_touch BEFORE UPDATE ON app.notes FOR EACH ROW EXECUTE FUNCTION app.touch();
                    ALTER TABLE app.notes ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY mine ON app.notes USING (user_id = 1);
                    COMMENT ON TABLE app.users IS 'people';
                    RESET ROLE;
                    -- a schema the role may not even use: the catalog still shows it
                    CREATE SCHEMA private;
                    REVOKE ALL ON SCHEMA private FROM PUBLIC;
                    CREATE TABLE private.secrets (k text PRIMARY KEY, v text);
                    """);

            Properties props = new Properties();
            props.setProperty("user", "dbsnap_app");
            props.setProperty("password", password);
            Catalog asApp;
            try (Connection c = DriverManager.getConnection(src.jdbcUrl(), props)) {
                asApp = CatalogReader.allSchemas().read(c);
            }
            Catalog asSuperuser;
            try (Connection c = src.connect()) {
                asSuperuser = CatalogReader.allSchemas().read(c);
            }
            assertThat(asApp).isEqualTo(asSuperuser);

            StringWriter script = new StringWriter();
            new DdlWriter(script).write(asApp);
            RoundTrip.load(dst, script.toString());
            assertThat(RoundTrip.schemaWithoutOwnersOrGrants(dst)).isEqualTo(RoundTrip.schemaWithoutOwnersOrGrants(src))
                    .contains("CREATE POLICY mine", "CREATE TABLE private.secrets");
        }
        // the role is the cluster's; with both databases gone it owns nothing and can go too
        try (TestDatabase any = PostgresServer.shared().createDatabase("nonsuper_cleanup")) {
            any.execute("DROP ROLE dbsnap_app");
        }
    }
}
