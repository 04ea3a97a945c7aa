package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.diff.TypeWidth.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWidthTest {

    @ParameterizedTest(name = "{0} to {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            integer                      | bigint                         | WIDENED
            smallint                     | integer                        | WIDENED
            bigint                       | integer                        | NARROWED
            integer                      | smallint                       | NARROWED
            integer                      | numeric                        | WIDENED
            integer                      | numeric(12,2)                  | WIDENED
            integer                      | numeric(8,2)                   | NARROWED
            bigint                       | numeric(19,0)                  | WIDENED
            integer                      | double precision               | WIDENED
            bigint                       | double precision               | NARROWED
            integer                      | real                           | NARROWED
            smallint                     | real                           | WIDENED
            real                         | double precision               | WIDENED
            double precision             | real                           | NARROWED
            numeric(12,2)                | numeric(14,2)                  | WIDENED
            numeric(12,2)                | numeric(13,3)                  | WIDENED
            numeric(12,2)                | numeric(8,2)                   | NARROWED
            numeric(12,2)                | numeric(12,0)                  | NARROWED
            numeric(12,2)                | numeric                        | WIDENED
            numeric                      | numeric(12,2)                  | NARROWED
            numeric(12,2)                | integer                        | NARROWED
            numeric                      | double precision               | NARROWED
            character varying(40)        | character varying(100)         | WIDENED
            character varying(100)       | character varying(40)          | NARROWED
            character varying(40)        | character varying              | WIDENED
            character varying            | character varying(40)          | NARROWED
            character varying(40)        | text                           | WIDENED
            character(10)                | text                           | WIDENED
            character(10)                | character varying(10)          | WIDENED
            text                         | character varying              | WIDENED
            text                         | character varying(40)          | NARROWED
            timestamp(3) without time zone | timestamp without time zone  | WIDENED
            timestamp without time zone  | timestamp(0) without time zone | NARROWED
            date                         | timestamp with time zone       | WIDENED
            timestamp with time zone     | date                           | NARROWED
            timestamp without time zone  | timestamp with time zone       | OTHER
            integer                      | text                           | OTHER
            text                         | integer                        | OTHER
            integer[]                    | bigint[]                       | WIDENED
            integer[]                    | integer                        | OTHER
            character varying(40)[]      | character varying(10)[]        | NARROWED
            shop.mood                    | shop.feeling                   | OTHER
            bit(8)                       | bit(4)                         | NARROWED
            """)
    void judgesAChange(String before, String after, Verdict verdict) {
        assertThat(TypeWidth.judge(before, after)).isEqualTo(verdict);
    }
}
