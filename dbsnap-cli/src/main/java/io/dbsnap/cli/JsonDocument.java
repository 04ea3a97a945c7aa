package io.dbsnap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.diff.DiffReport;
import io.dbsnap.store.StoredSnapshot;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The JSON a command prints with {@code --json}: one object that starts with
 * {@code "format": 1} (the version of the shapes the README documents, as the diff's JSON has
 * one) and {@code "command"}, then the command's own keys. Keys are always written, {@code null}
 * where a value is absent; a later format may add keys, never rename, remove or retype them.
 */
final class JsonDocument {

    /** The version of every command's shape; raised only by a change that is not an addition. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDocument() {
    }

    /** A new document of {@code command}'s shape, its format and command written. */
    static ObjectNode of(String command) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("command", command);
        return node;
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A stored snapshot as {@code {"name", "file"}}, or null. */
    static JsonNode snapshot(Optional<StoredSnapshot> snapshot) {
        if (snapshot.isEmpty()) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("name", snapshot.get().name().baseName());
        node.put("file", snapshot.get().sqlFile().toString());
        return node;
    }

    static String path(Path path) {
        return path == null ? null : path.toString();
    }

    /** The diff's own JSON (its shape in docs/diff.md, with its own {@code format}), as a node. */
    static JsonNode diff(DiffReport diff) {
        try {
            return JSON.readTree(diff.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The diff's JSON did not read back", e);
        }
    }

    /** The document as printed: indented, one trailing newline. */
    static String render(JsonNode document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report could not be written as JSON", e);
        }
    }
}
