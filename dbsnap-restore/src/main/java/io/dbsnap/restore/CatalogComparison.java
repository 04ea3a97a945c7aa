package io.dbsnap.restore;

import io.dbsnap.catalog.AccessControl;
import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.DefaultPrivileges;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.Ownership;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the catalog read back after a restore with the snapshot's, object by object: every
 * list of the {@link Catalog}, its objects matched by identity. A plain structural check for the
 * restore's verification; what changed in detail is the diff's job.
 *
 * <p>Owners and privileges are compared only when asked: a snapshot without them is restored as
 * whoever runs the restore. With them, a grant the restored database lacks is a difference, so
 * that "verified" means the application's access is back. The dependencies, which only order
 * creation, are never compared.
 */
public final class CatalogComparison {

    private static final Set<String> NEVER_COMPARED = Set.of("dependencies");
    private static final Set<String> OWNERS = Set.of("owners");
    private static final Set<String> PRIVILEGES = Set.of("privileges", "defaultPrivileges");
    private static final int MAX_DESCRIPTION = 200;

    private CatalogComparison() {
    }

    /** One line per object the restored database lacks, has in addition, or has otherwise; not owners and grants. */
    public static List<String> differences(Catalog snapshot, Catalog restored) {
        return differences(snapshot, restored, false, false);
    }

    /**
     * One line per object the restored database lacks, has in addition, or has otherwise.
     *
     * @param owners     compare who owns each object
     * @param privileges compare grants and default privileges
     */
    public static List<String> differences(Catalog snapshot, Catalog restored, boolean owners, boolean privileges) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent list : Catalog.class.getRecordComponents()) {
            String name = list.getName();
            if (NEVER_COMPARED.contains(name) || (!owners && OWNERS.contains(name))
                    || (!privileges && PRIVILEGES.contains(name))) {
                continue;
            }
            Map<Object, Object> expected = byIdentity(read(list, snapshot));
            Map<Object, Object> actual = byIdentity(read(list, restored));
            expected.forEach((key, object) -> {
                if (!actual.containsKey(key)) {
                    differences.add("missing after the restore: " + describe(key));
                } else if (!actual.get(key).equals(object)) {
                    differences.add("not as in the snapshot: " + describe(key));
                }
            });
            actual.keySet().stream().filter(key -> !expected.containsKey(key))
                    .forEach(key -> differences.add("not in the snapshot: " + describe(key)));
        }
        // the owner and grants of an object that is itself missing or extra come and go with it
        Set<String> lines = new HashSet<>(differences);
        differences.removeIf(line -> lines.contains(objectLineOf(line)));
        return differences;
    }

    /**
     * The objects with an identity (tables, views, functions, ...) that {@code current} has and
     * {@code snapshot} lacks: what restoring the snapshot drops for good.
     */
    public static List<ObjectId> onlyIn(Catalog current, Catalog snapshot) {
        List<ObjectId> only = new ArrayList<>();
        for (RecordComponent list : Catalog.class.getRecordComponents()) {
            String name = list.getName();
            if (NEVER_COMPARED.contains(name) || OWNERS.contains(name) || PRIVILEGES.contains(name)) {
                continue;
            }
            Set<Object> kept = byIdentity(read(list, snapshot)).keySet();
            for (Object key : byIdentity(read(list, current)).keySet()) {
                if (key instanceof ObjectId id && !kept.contains(id)) {
                    only.add(id);
                }
            }
        }
        return only;
    }

    /**
     * For a line about an owner or grants ({@code missing after the restore: owner of TABLE
     * app.t}), the line that would report the object itself ({@code ...: table app.t}); else null.
     */
    private static String objectLineOf(String line) {
        for (String what : List.of(": owner of ", ": privileges on ")) {
            int at = line.indexOf(what);
            if (at > 0) {
                String target = line.substring(at + what.length()).replaceFirst(" column .*$", "");
                return line.substring(0, at) + ": " + target.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static List<?> read(RecordComponent list, Catalog catalog) {
        try {
            return (List<?>) list.getAccessor().invoke(catalog);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("every component of Catalog is a public list", e);
        }
    }

    /** The objects keyed by their {@code id()}; objects without one (comments, ...) by themselves. */
    private static Map<Object, Object> byIdentity(List<?> objects) {
        Map<Object, Object> keyed = new LinkedHashMap<>();
        for (Object object : objects) {
            keyed.put(identity(object), inAnyOrder(object));
        }
        return keyed;
    }

    /**
     * An access control list with its entries as a set: their order means nothing, and a restore
     * that changes an initial list (schema {@code public}) may leave the same entries in another.
     */
    private static Object inAnyOrder(Object object) {
        if (object instanceof AccessControl a) {
            return List.of(a.target(), a.column(), a.owner(), Set.copyOf(a.grants()), a.initial().map(Set::copyOf));
        }
        return object;
    }

    private static Object identity(Object object) {
        // owners and grants by what they are on, so that a changed one reads "not as in the snapshot"
        if (object instanceof Ownership o) {
            return "owner of " + o.target();
        }
        if (object instanceof AccessControl a) {
            return "privileges on " + a.target() + a.column().map(c -> " column " + c).orElse("");
        }
        if (object instanceof DefaultPrivileges d) {
            return "default privileges for role " + d.role() + d.schema().map(s -> " in schema " + s).orElse("")
                    + " on " + d.objectType();
        }
        try {
            Method id = object.getClass().getMethod("id");
            return id.getReturnType() == ObjectId.class ? id.invoke(object) : object;
        } catch (NoSuchMethodException e) {
            return object;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("id() of " + object.getClass().getSimpleName() + " failed", e);
        }
    }

    private static String describe(Object key) {
        String text = key.toString();
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "...";
    }
}
