package io.dbsnap.restore;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.ObjectId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the catalog read back after a restore with the snapshot's, object by object: every
 * list of the {@link Catalog}, its objects matched by identity. A plain structural check for the
 * restore's verification; what changed in detail is the diff's job.
 *
 * <p>Owners and privileges are not compared (a snapshot without them is restored as whoever runs
 * the restore), nor are the dependencies, which only order creation.
 */
public final class CatalogComparison {

    private static final Set<String> NOT_COMPARED = Set.of("owners", "privileges", "defaultPrivileges", "dependencies");
    private static final int MAX_DESCRIPTION = 200;

    private CatalogComparison() {
    }

    /** One line per object the restored database lacks, has in addition, or has otherwise. */
    public static List<String> differences(Catalog snapshot, Catalog restored) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent list : Catalog.class.getRecordComponents()) {
            if (NOT_COMPARED.contains(list.getName())) {
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
        return differences;
    }

    /**
     * The objects with an identity (tables, views, functions, ...) that {@code current} has and
     * {@code snapshot} lacks: what restoring the snapshot drops for good.
     */
    public static List<ObjectId> onlyIn(Catalog current, Catalog snapshot) {
        List<ObjectId> only = new ArrayList<>();
        for (RecordComponent list : Catalog.class.getRecordComponents()) {
            if (NOT_COMPARED.contains(list.getName())) {
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
            keyed.put(identity(object), object);
        }
        return keyed;
    }

    private static Object identity(Object object) {
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
