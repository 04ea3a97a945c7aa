package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The oracle itself proven on the versions pg_dump 15 cannot judge: for each, a small fixture of
 * the object kinds whose catalog columns changed in that version (MAINTAIN, the builtin collation
 * provider and domains' NOT NULL constraints in 17; tables' named NOT NULL constraints, NOT VALID
 * ones, virtual generated columns and publications of generated columns in 18), and the whole
 * description expected of it, written by hand from the PostgreSQL documentation of those
 * catalogs (in {@code oracle/version-N.expected}), owners and privileges included. The rest of
 * the oracle is judged by pg_dump on the machine's server in {@link CatalogOracleTest}.
 */
class CatalogOracleExpectedLinesTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"17", "18"})
    void theDescriptionOfWhatTheVersionChangedIsTheHandWrittenOne(String version) throws Exception {
        PostgresServer server = PostgresServer.ofMajorVersion(version);
        assertThat(server.majorVersion()).isEqualTo(Integer.parseInt(version));
        try (TestRole reader = TestRole.create(server, "oracle_reader");
             TestDatabase db = server.createDatabase("oracle_expected_" + version)) {
            db.execute(resource("oracle/version-" + version + ".sql").replace("{reader}", reader.name()));

            List<String> described = CatalogOracle.describe(db, true).lines().toList();

            List<String> expected = resource("oracle/version-" + version + ".expected")
                    .replace("{owner}", identifier(db.user())).replace("{reader}", reader.name()).lines().toList();
            assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogOracleExpectedLinesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A role name as quote_ident prints it: bare when it is lower case letters, digits and underscores. */
    private static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
