package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.Conversion;
import io.dbsnap.dumper.internal.sql.Literals;

/** Writes encoding conversions. */
final class ConversionDdl {

    private ConversionDdl() {
    }

    static String create(Conversion c) {
        return "CREATE " + (c.isDefault() ? "DEFAULT " : "") + "CONVERSION " + c.name().sql() + " FOR "
                + Literals.string(c.sourceEncoding()) + " TO " + Literals.string(c.targetEncoding()) + " FROM " + c.function() + ";";
    }

    static ObjectDdl of(Conversion c) {
        return new ObjectDdl(c.id(), create(c), "DROP CONVERSION IF EXISTS " + c.name().sql() + ";");
    }
}
