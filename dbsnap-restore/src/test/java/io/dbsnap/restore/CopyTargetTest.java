package io.dbsnap.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyTargetTest {

    @Test
    void namesTheTableAsTheStatementWritesIt() {
        assertThat(CopyTarget.tableOf("COPY public.t (a, b) FROM stdin;")).isEqualTo("public.t");
        assertThat(CopyTarget.tableOf("COPY public.empty FROM stdin;")).isEqualTo("public.empty");
        assertThat(CopyTarget.tableOf("COPY \"my schema\".\"Order (x)\" (id) FROM stdin;"))
                .isEqualTo("\"my schema\".\"Order (x)\"");
        assertThat(CopyTarget.tableOf("COPY app.\"say \"\"hi\"\" (now)\" FROM stdin;"))
                .isEqualTo("app.\"say \"\"hi\"\" (now)\"");
    }
}
