package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Index;
import io.dbsnap.catalog.IndexAttachment;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code CREATE INDEX} (the server's own text) with its column statistics, and index attachments. */
public final class IndexDdl {

    private IndexDdl() {
    }

    public static List<String> create(Index i) {
        List<String> statements = new ArrayList<>();
        statements.add(i.definition() + ";");
        for (String target : i.columnStatistics()) {
            int split = target.indexOf('=');
            statements.add("ALTER INDEX " + i.name().sql() + " ALTER COLUMN " + target.substring(0, split)
                    + " SET STATISTICS " + target.substring(split + 1) + ";");
        }
        return statements;
    }

    public static String attach(IndexAttachment a) {
        return "ALTER INDEX " + a.parent().sql() + " ATTACH PARTITION " + a.child().sql() + ";";
    }

    public static String drop(Index i) {
        return "DROP INDEX IF EXISTS " + i.name().sql() + ";";
    }
}
