package io.dbsnap.catalog;

import java.util.List;

/**
 * A base type ({@code CREATE TYPE name (INPUT = ..., OUTPUT = ...)}), created as a shell first so
 * that its input and output functions can name it; or a shell type that was never completed.
 *
 * @param options the {@code name = value} options as pg_dump writes them; empty for a shell type
 */
public record BaseType(QualifiedName name, List<String> options) implements UserType {

    public BaseType {
        options = List.copyOf(options);
    }

    public boolean isShell() {
        return options.isEmpty();
    }
}
