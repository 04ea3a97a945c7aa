package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlWhitespaceTest {

    @Test
    void indentationAndLineBreaksAreNoDifference() {
        assertThat(SqlWhitespace.same("BEGIN\n    RETURN i + 1;\nEND", "BEGIN RETURN i+1; END")).isTrue();
        assertThat(SqlWhitespace.same("SELECT a,b FROM t WHERE f( x )", "SELECT a, b\n  FROM t\n WHERE f(x)")).isTrue();
    }

    @Test
    void wordsStayApart() {
        assertThat(SqlWhitespace.same("SELECT a FROM t", "SELECTa FROMt")).isFalse();
        assertThat(SqlWhitespace.normalize("RETURN  NEW ;")).isEqualTo("RETURN NEW;");
    }

    @Test
    void whitespaceInsideLiteralsAndQuotedNamesCounts() {
        assertThat(SqlWhitespace.same("SELECT 'a  b'", "SELECT 'a b'")).isFalse();
        assertThat(SqlWhitespace.same("SELECT \"my  col\" FROM t", "SELECT \"my col\" FROM t")).isFalse();
        assertThat(SqlWhitespace.same("SELECT $q$a  b$q$", "SELECT $q$a b$q$")).isFalse();
        assertThat(SqlWhitespace.same("SELECT E'it\\'s  here'", "SELECT E'it\\'s here'")).isFalse();
        assertThat(SqlWhitespace.same("SELECT 'it''s  x'", "SELECT 'it''s x'")).isFalse();
    }

    @Test
    void anEscapeStringIsNotAWordFollowedByAString() {
        // E 'x' casts the literal 'x' to a type named E; E'x' is one escape-string literal
        assertThat(SqlWhitespace.same("SELECT E 'x'", "SELECT E'x'")).isFalse();
    }

    @Test
    void operatorsDoNotMergeIntoComments() {
        assertThat(SqlWhitespace.same("SELECT 1 - -1", "SELECT 1 --1")).isFalse();
        assertThat(SqlWhitespace.normalize("SELECT 1 - -1")).isEqualTo("SELECT 1- -1");
    }

    @Test
    void aLineCommentEndsAtItsLineBreak() {
        assertThat(SqlWhitespace.same("x := 1; -- note\n  y := 2;", "x := 1; -- note\ny := 2;")).isTrue();
        assertThat(SqlWhitespace.same("x := 1; -- note\ny := 2;", "x := 1; -- note y := 2;")).isFalse();
    }

    @Test
    void commentsAreKeptAsWritten() {
        assertThat(SqlWhitespace.same("/* a  b */ SELECT 1", "/* a b */ SELECT 1")).isFalse();
        assertThat(SqlWhitespace.same("/* outer /* inner */ still */SELECT 1", "/* outer /* inner */ still */ SELECT 1"))
                .isTrue();
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertThat(SqlWhitespace.same("SELECT $1 = $2", "SELECT $1=$2")).isTrue();
    }
}
