package io.dbsnap.dumper.internal.data;

import io.dbsnap.catalog.LargeObject;
import io.dbsnap.dump.Section;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Writes the contents of large objects as {@code lo_put} statements, a chunk at a time: unlike
 * pg_dump's {@code lo_open}/{@code lowrite}, they need no descriptor that lives only as long as
 * a transaction, so the script also runs under {@code psql} in autocommit. The objects themselves
 * are created in the pre-data section.
 */
final class LargeObjectData {

    private static final int CHUNK = 64 * 1024;

    private LargeObjectData() {
    }

    static void write(Connection connection, LargeObject object, ScriptOutput script) throws SQLException, IOException {
        LargeObjectManager manager = connection.unwrap(PGConnection.class).getLargeObjectAPI();
        org.postgresql.largeobject.LargeObject lo = manager.open(object.oid(), LargeObjectManager.READ);
        try {
            byte[] buffer = new byte[CHUNK];
            long offset = 0;
            int read;
            while ((read = lo.read(buffer, 0, CHUNK)) > 0) {
                script.statement(Section.DATA, "SELECT pg_catalog.lo_put('" + object.oid() + "', " + offset + ", '\\x"
                        + HexFormat.of().formatHex(buffer, 0, read) + "');");
                offset += read;
            }
        } finally {
            lo.close();
        }
    }
}
