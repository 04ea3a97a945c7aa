package io.dbsnap.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.errors.SnapshotCorruptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The canonical JSON form of a {@link Catalog}, stored beside each snapshot as
 * {@code NAME.catalog.json}, and the schema fingerprint: the SHA-256 of that text.
 *
 * <h2>The format (format 1)</h2>
 * <ul>
 *   <li>One JSON object: {@code "format": 1} first, then one key per component of {@link Catalog},
 *       each a list.</li>
 *   <li>Every record is an object with one key per record component, in the order the record
 *       declares them. Keys are the component names in snake_case: {@code defaultValue} is
 *       {@code "default_value"}, {@code textSearchDictionaries} is
 *       {@code "text_search_dictionaries"}.</li>
 *   <li>Lists are arrays in the Catalog's own order (already sorted by identity), so the text
 *       depends on nothing but the Catalog.</li>
 *   <li>An empty {@code Optional} is written as {@code null}; every key is always written.</li>
 *   <li>Enum constants are written in lower case: {@code "primary_key"}, {@code "by_default"}.</li>
 *   <li>A {@link UserType} carries a first key {@code "kind"}: {@code "enum"}, {@code "domain"},
 *       {@code "composite"}, {@code "range"} or {@code "base"}.</li>
 *   <li>UTF-8, indented by two spaces, {@code \n} line ends, {@code ": "} between key and value,
 *       {@code []} for an empty list, a final line end. Non-ASCII characters are written as they
 *       are; control characters are escaped as JSON requires.</li>
 * </ul>
 * A catalog with one schema and one enum type starts so:
 * <pre>{@code
 * {
 *   "format": 1,
 *   "schemas": [
 *     {
 *       "name": "app"
 *     }
 *   ],
 *   "extensions": [],
 *   "collations": [],
 *   "types": [
 *     {
 *       "kind": "enum",
 *       "name": {
 *         "schema": "app",
 *         "name": "mood"
 *       },
 *       "labels": [
 *         "sad",
 *         "happy"
 *       ]
 *     }
 *   ],
 *   ...
 * }
 * }</pre>
 *
 * <h2>Reading</h2>
 * Keys a reader does not know are ignored, so a later dbsnap may add some in the same format. A
 * missing key reads as an empty {@code Optional} or an empty list when the component is one (so
 * that catalogs written before a kind of object was read stay readable), as the value a catalog
 * written before it meant for a boolean recorded later ({@code View.populated}: true), and is an
 * error otherwise. A file of another format number, or one that is not a catalog at all, gives a
 * {@link SnapshotCorruptException} naming the place in the file ({@code tables[2].columns[0].type})
 * and what is wrong there.
 *
 * <h2>Why a walk over record components rather than Jackson's data binding</h2>
 * Jackson's record binding would also write derived {@code isXxx()} methods such as
 * {@link BaseType#isShell()} and {@link Table#isPartitioned()}, its {@code Optional} support is a
 * separate module, and its property order for records is not a documented guarantee. Walking the
 * record components gives a fixed order, keeps annotations out of the model and lets errors name
 * their place. Jackson parses and prints the JSON text. A consequence to keep in mind: renaming or
 * reordering a record component changes the file (and every fingerprint); do it only with a new
 * format number.
 */
public final class CatalogJson {

    /** The layout written, and the only one read. */
    public static final int FORMAT = 1;

    private static final String FORMAT_KEY = "format";
    private static final String KIND_KEY = "kind";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The longest text value read: PostgreSQL's own limit for a value (1 GB). Jackson's default
     * (20 MB) made a snapshot holding a longer comment or function body, written without complaint,
     * unreadable afterwards ("damaged").
     */
    static final int MAX_STRING_LENGTH = 1 << 30;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // read(InputStream) leaves the caller's stream open
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /**
     * Components of no list or Optional type added after format 1 was fixed, with what a catalog
     * written before them meant: every materialized view was taken as populated then.
     */
    private static final Map<String, Object> ABSENT_MEANS = Map.of(View.class.getSimpleName() + ".populated", true);

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    private CatalogJson() {
    }

    /** The canonical JSON text of {@code catalog}: equal catalogs give identical text. */
    public static String toJson(Catalog catalog) {
        return new String(canonicalBytes(catalog), StandardCharsets.UTF_8);
    }

    /** Writes {@link #toJson(Catalog)} as UTF-8 to {@code out}, which stays open. */
    public static void write(Catalog catalog, OutputStream out) throws IOException {
        out.write(canonicalBytes(catalog));
    }

    /**
     * Reads a catalog written by {@link #toJson(Catalog)}.
     *
     * @throws SnapshotCorruptException when {@code json} is not a catalog of format {@value #FORMAT}
     */
    public static Catalog fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /**
     * Reads a catalog written by {@link #write(Catalog, OutputStream)}; leaves {@code in} open.
     *
     * @throws SnapshotCorruptException when the stream does not hold a catalog of format {@value #FORMAT}
     * @throws IOException              when reading the stream fails
     */
    public static Catalog read(InputStream in) throws IOException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(in)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw corrupt("there is more text after the catalog's closing brace", null);
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        return fromTree(root);
    }

    /**
     * The schema fingerprint: the SHA-256 of the canonical JSON text (its UTF-8 bytes), as 64
     * lower-case hex digits. Equal catalogs have equal fingerprints.
     */
    public static String fingerprint(Catalog catalog) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalBytes(catalog)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    // ---- writing

    private static byte[] canonicalBytes(Catalog catalog) {
        ObjectNode root = NODES.objectNode();
        root.put(FORMAT_KEY, FORMAT);
        root.setAll(toObject(catalog, ""));
        try {
            String text = WRITER.writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be printed", e);
        }
    }

    private static JsonNode toNode(Object value, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            Optional<?> optional = (Optional<?>) value;
            return optional.isEmpty() ? NODES.nullNode() : toNode(optional.get(), typeArgument(type), path);
        }
        if (value == null) {
            // the model uses Optional for what may be absent; a null is a bug where the catalog was built
            throw new IllegalArgumentException("The catalog has null at " + path + "; use Optional.empty() for absent values");
        }
        if (raw == List.class) {
            ArrayNode array = NODES.arrayNode();
            Type element = typeArgument(type);
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                array.add(toNode(list.get(i), element, path + "[" + i + "]"));
            }
            return array;
        }
        if (raw == String.class) {
            return NODES.textNode((String) value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return NODES.booleanNode((Boolean) value);
        }
        if (raw == int.class || raw == Integer.class) {
            return NODES.numberNode((Integer) value);
        }
        if (raw == long.class || raw == Long.class) {
            return NODES.numberNode((Long) value);
        }
        if (raw.isEnum()) {
            return NODES.textNode(enumText((Enum<?>) value));
        }
        if (raw == UserType.class) {
            ObjectNode object = NODES.objectNode();
            object.put(KIND_KEY, kindOf(value.getClass()));
            object.setAll(toObject(value, path));
            return object;
        }
        if (raw.isRecord()) {
            return toObject(value, path);
        }
        throw new IllegalStateException("CatalogJson cannot write a " + type.getTypeName() + " (at " + path + ")");
    }

    private static ObjectNode toObject(Object record, String path) {
        ObjectNode object = NODES.objectNode();
        for (Component component : SHAPES.get(record.getClass()).components()) {
            object.set(component.key(), toNode(component.valueOf(record), component.type(), member(path, component)));
        }
        return object;
    }

    /** The {@code "kind"} of a user type record. */
    static String kindOf(Class<?> type) {
        for (UserTypeKind kind : UserTypeKind.values()) {
            if (kind.type == type) {
                return kind.key();
            }
        }
        throw new IllegalStateException("CatalogJson has no kind for user type " + type.getName());
    }

    private static String enumText(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    // ---- reading

    private static Catalog fromTree(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw corrupt("the text is empty", null);
        }
        if (!root.isObject()) {
            throw corrupt("it is " + describe(root) + ", not a JSON object", null);
        }
        JsonNode format = root.get(FORMAT_KEY);
        if (format == null) {
            throw corrupt("it has no \"format\" key, so it is not a dbsnap catalog", null);
        }
        if (!format.isIntegralNumber()) {
            throw corrupt("its \"format\" is " + describe(format) + ", not a number", null);
        }
        if (!format.canConvertToInt() || format.intValue() != FORMAT) {
            throw new SnapshotCorruptException("The catalog is in format " + format.asText() + ", but this dbsnap reads only format "
                    + FORMAT + ". If a newer dbsnap wrote it, read it with that version; otherwise take a new snapshot.");
        }
        return (Catalog) fromObject(root, Catalog.class, "");
    }

    private static Object fromNode(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return node == null || node.isNull() ? Optional.empty() : Optional.of(fromNode(node, typeArgument(type), path));
        }
        if (node == null && raw == List.class) {
            // a kind of object a later dbsnap reads, missing from a catalog an earlier one wrote
            return List.of();
        }
        if (node == null) {
            throw corrupt("the key " + path + " is missing", null);
        }
        if (raw == List.class) {
            expect(node.isArray(), "a list", node, path);
            Type element = typeArgument(type);
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(fromNode(node.get(i), element, path + "[" + i + "]"));
            }
            return list;
        }
        if (raw == String.class) {
            expect(node.isTextual(), "a string", node, path);
            return node.textValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            expect(node.isBoolean(), "true or false", node, path);
            return node.booleanValue();
        }
        if (raw == int.class || raw == Integer.class) {
            expect(node.isIntegralNumber() && node.canConvertToInt(), "a whole number within int range", node, path);
            return node.intValue();
        }
        if (raw == long.class || raw == Long.class) {
            expect(node.isIntegralNumber() && node.canConvertToLong(), "a whole number within long range", node, path);
            return node.longValue();
        }
        if (raw.isEnum()) {
            expect(node.isTextual(), "a string", node, path);
            for (Object constant : raw.getEnumConstants()) {
                if (enumText((Enum<?>) constant).equals(node.textValue())) {
                    return constant;
                }
            }
            throw corrupt(path + " is " + describe(node) + ", which is none of " + Arrays.stream(raw.getEnumConstants())
                    .map(c -> "\"" + enumText((Enum<?>) c) + "\"").collect(Collectors.joining(", ")), null);
        }
        if (raw == UserType.class) {
            expect(node.isObject(), "an object", node, path);
            JsonNode kind = node.get(KIND_KEY);
            expect(kind != null, "an object with a \"kind\" key", node, path);
            return fromObject(node, ((UserTypeKind) fromNode(kind, UserTypeKind.class, path + "." + KIND_KEY)).type, path);
        }
        if (raw.isRecord()) {
            expect(node.isObject(), "an object", node, path);
            return fromObject(node, raw, path);
        }
        throw new IllegalStateException("CatalogJson cannot read a " + type.getTypeName() + " (at " + path + ")");
    }

    private static Object fromObject(JsonNode object, Class<?> type, String path) {
        RecordShape shape = SHAPES.get(type);
        Object[] arguments = new Object[shape.components().size()];
        for (int i = 0; i < arguments.length; i++) {
            Component component = shape.components().get(i);
            JsonNode node = object.get(component.key());
            Object absent = ABSENT_MEANS.get(type.getSimpleName() + "." + component.component().getName());
            arguments[i] = node == null && absent != null ? absent : fromNode(node, component.type(), member(path, component));
        }
        try {
            return shape.constructor().newInstance(arguments);
        } catch (InvocationTargetException e) {
            // a record's own checks (a list with a null in it, say) refused the values
            throw corrupt((path.isEmpty() ? "the catalog" : path) + " was refused: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create a " + type.getName(), e);
        }
    }

    private static void expect(boolean holds, String expected, JsonNode found, String path) {
        if (!holds) {
            throw corrupt(path + " should be " + expected + " but is " + describe(found), null);
        }
    }

    /** A found value for a message: short values as they are, long ones by their kind. */
    private static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "an object";
        }
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static SnapshotCorruptException notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return corrupt("it is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    private static SnapshotCorruptException corrupt(String problem, Throwable cause) {
        return new SnapshotCorruptException("The catalog cannot be read: " + problem + ". A .catalog.json file is written"
                + " by dbsnap and not meant to be edited; restore it from a copy, or take a new snapshot.", cause);
    }

    // ---- records and types

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("CatalogJson cannot handle the type " + type.getTypeName());
    }

    private static Type typeArgument(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    private static String member(String path, Component component) {
        return path.isEmpty() ? component.key() : path + "." + component.key();
    }

    /** Of a camelCase Java name, the snake_case key: {@code lcCollate} is {@code lc_collate}. */
    static String key(String componentName) {
        StringBuilder key = new StringBuilder(componentName.length() + 4);
        for (char c : componentName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                key.append('_').append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The discriminator of each kind of user type, written in lower case like any enum. */
    private enum UserTypeKind {
        ENUM(EnumType.class), DOMAIN(DomainType.class), COMPOSITE(CompositeType.class), RANGE(RangeType.class),
        BASE(BaseType.class);

        final Class<? extends UserType> type;

        UserTypeKind(Class<? extends UserType> type) {
            this.type = type;
        }

        String key() {
            return enumText(this);
        }
    }

    private record Component(String key, Type type, RecordComponent component) {

        Object valueOf(Object record) {
            try {
                return component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not read " + component, e);
            }
        }
    }

    private record RecordShape(List<Component> components, Constructor<?> constructor) {

        static RecordShape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException("CatalogJson handles records only, not " + type.getName());
            }
            RecordComponent[] components = type.getRecordComponents();
            List<Component> list = new ArrayList<>(components.length);
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                list.add(new Component(key(components[i].getName()), components[i].getGenericType(), components[i]));
                parameterTypes[i] = components[i].getType();
            }
            try {
                return new RecordShape(List.copyOf(list), type.getDeclaredConstructor(parameterTypes));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
            }
        }
    }
}
