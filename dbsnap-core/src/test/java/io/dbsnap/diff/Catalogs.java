package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Catalogs built by hand for the diff's tests: each object goes into the list of its type. */
final class Catalogs {

    private Catalogs() {
    }

    /** A catalog of exactly {@code objects}, each in the list of its type, in the order given. */
    static Catalog of(Object... objects) {
        RecordComponent[] components = Catalog.class.getRecordComponents();
        List<List<Object>> lists = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            lists.add(new ArrayList<>());
        }
        for (Object object : objects) {
            lists.get(componentFor(object.getClass())).add(object);
        }
        return build(lists);
    }

    /** {@code catalog} with its objects of {@code objects} added, each to the list of its type. */
    static Catalog with(Catalog catalog, Object... objects) {
        List<List<Object>> lists = lists(catalog);
        for (Object object : objects) {
            lists.get(componentFor(object.getClass())).add(object);
        }
        return build(lists);
    }

    /** {@code catalog} with every object equal to {@code old} replaced by {@code replacement}'s result. */
    static <T> Catalog replace(Catalog catalog, T old, Function<T, ?> replacement) {
        List<List<Object>> lists = lists(catalog);
        boolean found = false;
        for (List<Object> list : lists) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).equals(old)) {
                    @SuppressWarnings("unchecked")
                    T typed = (T) list.get(i);
                    list.set(i, replacement.apply(typed));
                    found = true;
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("not in the catalog: " + old);
        }
        return build(lists);
    }

    /** {@code catalog} without {@code object}. */
    static Catalog without(Catalog catalog, Object object) {
        List<List<Object>> lists = lists(catalog);
        if (lists.stream().noneMatch(list -> list.remove(object))) {
            throw new IllegalArgumentException("not in the catalog: " + object);
        }
        return build(lists);
    }

    static List<List<Object>> lists(Catalog catalog) {
        List<List<Object>> lists = new ArrayList<>();
        for (RecordComponent component : Catalog.class.getRecordComponents()) {
            try {
                lists.add(new ArrayList<>((List<?>) component.getAccessor().invoke(catalog)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return lists;
    }

    static Catalog build(List<List<Object>> lists) {
        RecordComponent[] components = Catalog.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = List.class;
        }
        try {
            return Catalog.class.getDeclaredConstructor(types).newInstance(lists.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of the Catalog component whose list holds objects of {@code type}. */
    static int componentFor(Class<?> type) {
        RecordComponent[] components = Catalog.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Class<?> element = (Class<?>) ((ParameterizedType) components[i].getGenericType()).getActualTypeArguments()[0];
            if (element.isAssignableFrom(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException("a catalog holds no " + type.getSimpleName());
    }
}
