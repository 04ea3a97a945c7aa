package io.dbsnap.dumper.internal.ddl;

import io.dbsnap.catalog.BaseType;
import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import io.dbsnap.catalog.UserType;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks the loop between a base type and its input and output functions, as pg_dump does: a
 * shell type ({@code CREATE TYPE name;}) first, then the functions, which name the shell, then
 * the complete type. The shell is replaced by the type, so a clean script drops only the type.
 */
public final class ShellTypes {

    /**
     * @param shells       the shell of every complete base type
     * @param dependencies the dependencies with each function's on its base type moved to the shell
     */
    public record Split(List<ObjectDdl> shells, List<Dependency> dependencies) {
    }

    private ShellTypes() {
    }

    public static Split split(List<UserType> types, List<Dependency> dependencies) {
        List<ObjectDdl> shells = new ArrayList<>();
        List<Dependency> result = new ArrayList<>(dependencies);
        for (UserType type : types) {
            if (type instanceof BaseType base && !base.isShell()) {
                ObjectId shell = new ObjectId(ObjectKind.TYPE, type.name().schema(), type.name().name(), "shell");
                shells.add(ObjectDdl.createOnly(shell, TypeDdl.createShell(type)));
                result.replaceAll(d -> d.referenced().equals(type.id()) && isRoutine(d.dependent())
                        ? new Dependency(d.dependent(), shell) : d);
            }
        }
        return new Split(shells, result);
    }

    private static boolean isRoutine(ObjectId id) {
        return id.kind() == ObjectKind.FUNCTION || id.kind() == ObjectKind.PROCEDURE;
    }
}
