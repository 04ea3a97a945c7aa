package io.dbsnap.catalog;

import java.util.Optional;

/**
 * {@code CREATE COLLATION}.
 *
 * @param provider  {@code libc}, {@code icu} or {@code builtin} (PostgreSQL 17 and later)
 * @param locale    the locale, when it is one value ({@code icu}, {@code builtin}, or {@code libc}
 *                  with equal collate and ctype)
 * @param lcCollate for {@code libc} when it differs from {@code lcCtype}
 * @param lcCtype   for {@code libc} when it differs from {@code lcCollate}
 * @param rules     ICU tailoring rules (PostgreSQL 16 and later)
 * @param anyEncoding usable with any database encoding, as a copy of {@code "C"} or {@code "POSIX"} is
 */
public record Collation(QualifiedName name, String provider, Optional<String> locale, Optional<String> lcCollate,
                        Optional<String> lcCtype, boolean deterministic, Optional<String> rules,
                        boolean anyEncoding) {

    public ObjectId id() {
        return ObjectId.of(ObjectKind.COLLATION, name.schema(), name.name());
    }
}
