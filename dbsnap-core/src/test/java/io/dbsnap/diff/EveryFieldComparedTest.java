package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every part of every object in the catalog model is compared: for each object of a catalog that
 * holds every kind, each part (down to the fields of nested records and the members of lists) is
 * changed in turn, and the diff must report a change. A part added to the model later without a
 * comparison fails here.
 */
class EveryFieldComparedTest {

    /**
     * Parts deliberately not compared, with the reason: the dependencies only order creation, and
     * an access list's owner is the owners' comparison's (its own privileges are in the grants), and
     * its initial list (pg_init_privs) is only what the script's grants are written against: the
     * grants themselves are compared.
     */
    private static final Set<String> NOT_COMPARED = Set.of("dependencies", "privileges.owner", "privileges.initial");

    @Test
    void changingAnyPartOfAnyObjectIsAChange() {
        Catalog sample = SampleCatalog.everyKind();
        assertThat(SchemaDiff.compare(sample, sample).isEmpty()).isTrue();

        List<String> unnoticed = new ArrayList<>();
        int mutants = 0;
        RecordComponent[] lists = Catalog.class.getRecordComponents();
        List<List<Object>> objects = Catalogs.lists(sample);
        for (int c = 0; c < lists.length; c++) {
            String listName = lists[c].getName();
            if (NOT_COMPARED.contains(listName)) {
                continue;
            }
            assertThat(objects.get(c)).as("the sample catalog has %s", listName).isNotEmpty();
            for (int i = 0; i < objects.get(c).size(); i++) {
                Object original = objects.get(c).get(i);
                for (Mutant mutant : mutants(original, original.getClass(), listName)) {
                    if (NOT_COMPARED.contains(mutant.path().replaceFirst(" \\(.*\\)$", ""))) {
                        continue;
                    }
                    mutants++;
                    List<List<Object>> changed = Catalogs.lists(sample);
                    changed.get(c).set(i, mutant.value());
                    if (SchemaDiff.compare(sample, Catalogs.build(changed)).isEmpty()) {
                        unnoticed.add(mutant.path() + " of " + original);
                    }
                }
            }
        }
        assertThat(unnoticed).as("changes the diff did not notice").isEmpty();
        assertThat(mutants).as("parts changed").isGreaterThan(250);
    }

    /** A changed copy of a value, and which part was changed. */
    private record Mutant(String path, Object value) {
    }

    /** Every copy of {@code value} with one part changed. */
    private static List<Mutant> mutants(Object value, Type type, String path) {
        List<Mutant> mutants = new ArrayList<>();
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            Optional<?> optional = (Optional<?>) value;
            if (optional.isPresent()) {
                mutants.add(new Mutant(path + " (emptied)", Optional.empty()));
                mutants(optional.get(), argument(type), path)
                        .forEach(m -> mutants.add(new Mutant(m.path(), Optional.of(m.value()))));
            } else {
                mutants.add(new Mutant(path + " (given)", Optional.of(sample(argument(type)))));
            }
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            List<Object> longer = new ArrayList<>(list);
            longer.add(sample(argument(type)));
            mutants.add(new Mutant(path + " (one more)", longer));
            if (!list.isEmpty()) {
                mutants.add(new Mutant(path + " (one less)", list.subList(1, list.size())));
                for (Mutant m : mutants(list.get(0), argument(type), path)) {
                    List<Object> changed = new ArrayList<>(list);
                    changed.set(0, m.value());
                    mutants.add(new Mutant(m.path(), changed));
                }
            }
        } else if (raw == String.class) {
            mutants.add(new Mutant(path, value + "x"));
        } else if (raw == boolean.class || raw == Boolean.class) {
            mutants.add(new Mutant(path, !(Boolean) value));
        } else if (raw == int.class || raw == Integer.class) {
            mutants.add(new Mutant(path, (Integer) value + 1));
        } else if (raw == long.class || raw == Long.class) {
            mutants.add(new Mutant(path, (Long) value + 1));
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            mutants.add(new Mutant(path, constants[(((Enum<?>) value).ordinal() + 1) % constants.length]));
        } else if (value.getClass().isRecord()) {
            RecordComponent[] components = value.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                Object part = read(components[i], value);
                for (Mutant m : mutants(part, components[i].getGenericType(), path + "." + components[i].getName())) {
                    Object[] arguments = new Object[components.length];
                    for (int j = 0; j < components.length; j++) {
                        arguments[j] = j == i ? m.value() : read(components[j], value);
                    }
                    mutants.add(new Mutant(m.path(), construct(value.getClass(), arguments)));
                }
            }
        } else {
            throw new IllegalStateException("cannot change a " + type.getTypeName() + " at " + path);
        }
        return mutants;
    }

    /**
     * A value of {@code type} made of plain parts: text "added", 7, false, the first constant,
     * nothing optional, lists of one such value.
     */
    private static Object sample(Type type) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw == List.class) {
            return List.of(sample(argument(type)));
        }
        if (raw == String.class) {
            return "added";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = sample(components[i].getGenericType());
            }
            return construct(raw, arguments);
        }
        throw new IllegalStateException("no sample of " + type.getTypeName());
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object construct(Class<?> type, Object[] arguments) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not build a " + type.getSimpleName(), e);
        }
    }
}
