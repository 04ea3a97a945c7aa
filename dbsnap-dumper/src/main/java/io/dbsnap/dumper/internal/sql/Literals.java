package io.dbsnap.dumper.internal.sql;

import java.util.List;
import java.util.stream.Collectors;

/** SQL literals for scripts that run with {@code standard_conforming_strings = on}. */
public final class Literals {

    private Literals() {
    }

    /** {@code it's} becomes {@code 'it''s'}; backslashes stay as they are. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Storage parameters for {@code WITH (...)}: {@code fillfactor=70} becomes {@code fillfactor='70'}. */
    public static String options(List<String> options) {
        return options.stream().map(o -> {
            int eq = o.indexOf('=');
            return eq < 0 ? o : o.substring(0, eq) + "=" + string(o.substring(eq + 1));
        }).collect(Collectors.joining(", "));
    }
}
