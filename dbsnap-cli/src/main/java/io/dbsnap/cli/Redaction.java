package io.dbsnap.cli;

import java.util.regex.Pattern;

/**
 * Hides passwords in text the command prints. dbsnap's own messages never hold one (URLs are
 * shown as {@code user@host:port/db}), but picocli echoes arguments it cannot place, and a
 * driver's message may quote a URL: every line the command writes about a failure goes through here.
 */
final class Redaction {

    /**
     * {@code scheme://user:password@} in libpq and JDBC URLs. The password runs to the last
     * {@code @} of the line: written unencoded, it may hold spaces, quotes and {@code @} itself, and
     * hiding too much is better than showing part of it.
     */
    private static final Pattern USER_INFO = Pattern.compile("(://[^:/@\\s]*):[^\\n]*@");
    /**
     * {@code password=...} as a URL or connection-string parameter ({@code PGPASSWORD=} too): a
     * quoted value to its closing quote ({@code \'} inside, as libpq's key=value strings escape
     * it), else to the next {@code &}, space or end.
     */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)(password\"?\\s*[=:]\\s*)('(?:[^'\\\\]|\\\\.)*'?|\"(?:[^\"\\\\]|\\\\.)*\"?|[^&\\s]*)");

    private Redaction() {
    }

    static String redact(String text) {
        if (text == null) {
            return "";
        }
        String hidden = USER_INFO.matcher(text).replaceAll("$1:***@");
        return PASSWORD_PARAMETER.matcher(hidden).replaceAll("$1***");
    }
}
