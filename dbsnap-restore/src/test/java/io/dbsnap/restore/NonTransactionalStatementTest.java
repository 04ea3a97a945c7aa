package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.restore.script.ScriptStatement;
import io.dbsnap.restore.script.StatementKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which statements the server refuses inside a transaction block: those PostgreSQL's reference
 * pages say "cannot be executed inside a transaction block", and look-alikes that can.
 */
class NonTransactionalStatementTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY i ON t (a);|CREATE INDEX CONCURRENTLY",
            "create unique index   concurrently if not exists i on t (a);|CREATE INDEX CONCURRENTLY",
            "CREATE INDEX\\n  CONCURRENTLY ON t (a);|CREATE INDEX CONCURRENTLY",
            "DROP INDEX CONCURRENTLY i;|DROP INDEX CONCURRENTLY",
            "REINDEX INDEX CONCURRENTLY i;|REINDEX CONCURRENTLY",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t;|REINDEX CONCURRENTLY",
            "REINDEX DATABASE app;|REINDEX DATABASE",
            "REINDEX (VERBOSE) SYSTEM;|REINDEX SYSTEM",
            "ALTER TABLE t DETACH PARTITION t_2024 CONCURRENTLY;|ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
            "VACUUM;|VACUUM",
            "vacuum (analyze) t;|VACUUM",
            "CLUSTER;|CLUSTER of every table",
            "CREATE DATABASE copy TEMPLATE app;|CREATE DATABASE",
            "DROP DATABASE IF EXISTS old;|DROP DATABASE",
            "ALTER DATABASE app SET TABLESPACE fast;|ALTER DATABASE ... SET TABLESPACE",
            "CREATE TABLESPACE fast LOCATION '/ssd';|CREATE TABLESPACE",
            "DROP TABLESPACE fast;|DROP TABLESPACE",
            "ALTER SYSTEM SET work_mem = '64MB';|ALTER SYSTEM",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p;|CREATE SUBSCRIPTION",
            "DROP SUBSCRIPTION s;|DROP SUBSCRIPTION",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION;|ALTER SUBSCRIPTION ... REFRESH PUBLICATION",
    })
    void isRecognized(String sql, String what) {
        assertThat(NonTransactionalStatement.of(statement(sql.replace("\\n", "\n"))))
                .map(NonTransactionalStatement::what).contains(what);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX concurrently_built ON t (a);",
            "CREATE INDEX i ON t (a);",
            "DROP INDEX i;",
            "REINDEX TABLE concurrently_log;",
            "REINDEX TABLE t;",
            "ALTER TABLE t DETACH PARTITION t_2024;",
            "CLUSTER t USING t_pkey;",
            "ALTER DATABASE app SET work_mem = '64MB';",
            "ALTER TABLE vacuum_log ADD COLUMN x int;",
            "SELECT 'VACUUM';",
            "ALTER SUBSCRIPTION s DISABLE;",
            "ANALYZE t;",
    })
    void aLookAlikeIsNot(String sql) {
        assertThat(NonTransactionalStatement.of(statement(sql))).isEqualTo(Optional.empty());
    }

    private static ScriptStatement statement(String sql) {
        return new ScriptStatement(sql, 1, 1, StatementKind.SQL);
    }
}
