package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void readsPlainAndQuotedPartsAsPostgresqlDoes() {
        assertThat(TableName.parse("public.t")).contains(new TableName("public", "t"));
        assertThat(TableName.parse("Public.T1$")).contains(new TableName("public", "t1$"));
        assertThat(TableName.parse("app.\"Order \"\"Lines\"\"\"")).contains(new TableName("app", "Order \"Lines\""));
        assertThat(TableName.parse("\"a.b\".\"c;d\"")).contains(new TableName("a.b", "c;d"));
        assertThat(TableName.parse("sch\u00e9ma.t\u00e4ble")).contains(new TableName("sch\u00e9ma", "t\u00e4ble"));
        // PostgreSQL folds A to Z only
        assertThat(TableName.parse("S.\u00c9T")).contains(new TableName("s", "\u00c9t"));
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"t", "a.b.c", "a.b; DROP TABLE c", "a. b", "a.\"b", "a.\"\"", "a.1b", "",
                ".b", "a.", "a.b--", "a.b)"}) {
            assertThat(TableName.parse(text)).as(text).isEqualTo(Optional.empty());
        }
    }

    @Test
    void rendersBothPartsQuoted() {
        assertThat(new TableName("app", "x\"; DROP TABLE y; --").sql()).isEqualTo("\"app\".\"x\"\"; DROP TABLE y; --\"");
    }
}
