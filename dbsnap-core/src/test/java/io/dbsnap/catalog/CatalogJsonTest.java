package io.dbsnap.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsnap.errors.SnapshotCorruptException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

    private static final QualifiedName MOOD = new QualifiedName("app", "mood");
    private static final QualifiedName T = new QualifiedName("app", "t");

    /** The whole file of {@link #tiny()}, written by hand from the format in CatalogJson's class doc. */
    private static final String TINY_JSON = """
            {
              "format": 1,
              "schemas": [
                {
                  "name": "app"
                }
              ],
              "extensions": [],
              "collations": [],
              "types": [
                {
                  "kind": "enum",
                  "name": {
                    "schema": "app",
                    "name": "mood"
                  },
                  "labels": [
                    "sad",
                    "happy"
                  ]
                }
              ],
              "sequences": [],
              "tables": [
                {
                  "name": {
                    "schema": "app",
                    "name": "t"
                  },
                  "columns": [
                    {
                      "name": "feeling",
                      "type": "app.mood",
                      "collation": null,
                      "not_null": true,
                      "not_null_name": null,
                      "default_value": "'happy'::app.mood",
                      "generated": "none",
                      "identity": "none",
                      "identity_sequence": null,
                      "local": true,
                      "statistics_target": null,
                      "storage": null,
                      "compression": null,
                      "options": []
                    }
                  ],
                  "constraints": [],
                  "unlogged": false,
                  "options": [],
                  "partition_key": null,
                  "partition_of": null,
                  "partition_bound": null,
                  "of_type": null,
                  "inherits": [],
                  "replica_identity": "d",
                  "replica_index": null,
                  "row_security": false,
                  "force_row_security": false,
                  "access_method": null,
                  "cluster_index": null
                }
              ],
              "views": [],
              "indexes": [],
              "index_attachments": [],
              "routines": [],
              "operators": [],
              "casts": [],
              "text_search_dictionaries": [],
              "text_search_configurations": [],
              "triggers": [],
              "rules": [],
              "statistics": [],
              "policies": [],
              "publications": [],
              "event_triggers": [],
              "large_objects": [],
              "comments": [
                {
                  "target": "TABLE app.t",
                  "text": "Zähler \\"t\\"\\n\\tzweite Zeile"
                }
              ],
              "security_labels": [],
              "owners": [],
              "privileges": [],
              "default_privileges": [],
              "dependencies": [
                {
                  "dependent": {
                    "kind": "table",
                    "schema": "app",
                    "name": "t",
                    "signature": ""
                  },
                  "referenced": {
                    "kind": "type",
                    "schema": "app",
                    "name": "mood",
                    "signature": ""
                  }
                }
              ],
              "operator_families": [],
              "operator_classes": [],
              "access_methods": [],
              "languages": [],
              "conversions": [],
              "transforms": [],
              "text_search_parsers": [],
              "text_search_templates": [],
              "foreign_data_wrappers": [],
              "foreign_servers": [],
              "user_mappings": [],
              "foreign_tables": [],
              "subscriptions": []
            }
            """;

    /** TINY_JSON as a dbsnap wrote it before operator classes and the other later kinds were read. */
    private static final String TINY_JSON_BEFORE_LATER_KINDS = TINY_JSON.substring(0, TINY_JSON.indexOf(",\n  \"operator_families\""))
            .replace(",\n          \"options\": []", "")
            .replace(",\n      \"access_method\": null,\n      \"cluster_index\": null", "") + "\n}\n";

    @Test
    void writesTheDocumentedFormat() {
        assertThat(CatalogJson.toJson(tiny())).isEqualTo(TINY_JSON);
    }

    @Test
    void readsTheDocumentedFormat() {
        assertThat(CatalogJson.fromJson(TINY_JSON)).isEqualTo(tiny());
    }

    @Test
    void readsACatalogWrittenBeforeTheLaterKindsOfObject() {
        assertThat(TINY_JSON_BEFORE_LATER_KINDS).doesNotContain("operator_classes", "access_method", "cluster_index").endsWith("]\n}\n");

        assertThat(CatalogJson.fromJson(TINY_JSON_BEFORE_LATER_KINDS)).isEqualTo(tiny());
    }

    @Test
    void aMaterializedViewReadFromACatalogWrittenBeforeItsPopulatedStateWasRecordedIsPopulated() {
        String json = CatalogJson.toJson(rich());
        assertThat(json).contains("\"populated\": false", "\"populated\": true");
        String before = json.replaceAll(",\n\\s*\"populated\": (true|false)", "");
        assertThat(before).doesNotContain("populated");

        Catalog read = CatalogJson.fromJson(before);

        assertThat(read.views()).isNotEmpty().allSatisfy(v -> assertThat(v.populated()).as(v.name().sql()).isTrue());
        assertThat(read.views()).isEqualTo(rich().views().stream().map(v -> v.withPopulated(true)).toList());
    }

    @Test
    void everyKindOfObjectSurvivesTheRoundTrip() {
        Catalog rich = rich();

        Catalog back = CatalogJson.fromJson(CatalogJson.toJson(rich));

        assertThat(back).isEqualTo(rich);
        // field by field too, so that a failure points at the list that differs
        assertThat(back.types()).isEqualTo(rich.types());
        assertThat(back.tables()).isEqualTo(rich.tables());
    }

    @Test
    void theRichCatalogHasEveryKindOfUserTypeAndEachHasAKind() {
        assertThat(rich().types().stream().map(type -> type.getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder(Arrays.stream(UserType.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toArray(String[]::new));
        assertThat(Arrays.stream(UserType.class.getPermittedSubclasses()).map(CatalogJson::kindOf))
                .containsExactlyInAnyOrder("enum", "domain", "composite", "range", "base");
    }

    @Test
    void anEmptyCatalogSurvivesTheRoundTrip() {
        Catalog empty = catalog(List.of(), List.of(), List.of());

        String json = CatalogJson.toJson(empty);

        assertThat(CatalogJson.fromJson(json)).isEqualTo(empty);
        assertThat(json).startsWith("{\n  \"format\": 1,\n  \"schemas\": [],\n  \"extensions\": [],\n");
    }

    @Test
    void theTextIsDeterministic() {
        String first = CatalogJson.toJson(rich());
        String second = CatalogJson.toJson(rich());

        assertThat(second).isEqualTo(first);
        // reading and writing again changes nothing
        assertThat(CatalogJson.toJson(CatalogJson.fromJson(first))).isEqualTo(first);
        assertThat(first).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void streamsCarryTheSameUtf8Text() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CatalogJson.write(rich(), out);

        assertThat(out.toByteArray()).isEqualTo(CatalogJson.toJson(rich()).getBytes(StandardCharsets.UTF_8));
        assertThat(CatalogJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(rich());
    }

    @Test
    void readLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(TINY_JSON.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        CatalogJson.read(in);

        assertThat(closed[0]).isFalse();
    }

    @Test
    void theFingerprintIsTheSha256OfTheText() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(TINY_JSON.getBytes(StandardCharsets.UTF_8));

        assertThat(CatalogJson.fingerprint(tiny())).isEqualTo(HexFormat.of().formatHex(digest)).hasSize(64);
    }

    @Test
    void theFingerprintChangesWithAColumnTypeAndNothingElse() throws IOException {
        String fingerprint = CatalogJson.fingerprint(rich());
        Catalog rich = rich();
        Table table = rich.tables().get(0);
        Column first = table.columns().get(0);
        Column retyped = new Column(first.name(), "integer", first.collation(), first.notNull(), first.notNullName(),
                first.defaultValue(), first.generated(), first.identity(), first.identitySequence(), first.local(),
                first.statisticsTarget(), first.storage(), first.compression());
        List<Column> columns = new ArrayList<>(table.columns());
        columns.set(0, retyped);
        Table changed = new Table(table.name(), columns, table.constraints(), table.unlogged(), table.options(),
                table.partitionKey(), table.partitionOf(), table.partitionBound(), table.ofType(), table.inherits(),
                table.replicaIdentity(), table.replicaIndex(), table.rowSecurity(), table.forceRowSecurity());

        Catalog retypedCatalog = withTables(rich, List.of(changed, rich.tables().get(1)));

        assertThat(CatalogJson.fingerprint(rich())).isEqualTo(fingerprint);
        assertThat(CatalogJson.fingerprint(CatalogJson.fromJson(CatalogJson.toJson(rich)))).isEqualTo(fingerprint);
        assertThat(CatalogJson.fingerprint(retypedCatalog)).isNotEqualTo(fingerprint);
        assertThat(CatalogJson.fingerprint(withTables(rich, List.of(table, rich.tables().get(1))))).isEqualTo(fingerprint);

        // the retyped catalog differs in the type and nothing else: one line of its text, the type's
        List<String> before = CatalogJson.toJson(rich).lines().toList();
        List<String> after = CatalogJson.toJson(retypedCatalog).lines().toList();
        assertThat(after).hasSameSizeAs(before);
        List<String> changedLines = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changedLines.add(before.get(i).strip() + " -> " + after.get(i).strip());
            }
        }
        assertThat(changedLines).containsExactly("\"type\": \"bigint\", -> \"type\": \"integer\",");

        // and nothing but the catalog moves the fingerprint: the same catalog read from a text with
        // other spacing, keys in the reverse order and a key it does not know has the same one
        ObjectNode reordered = reversed((ObjectNode) new ObjectMapper().readTree(CatalogJson.toJson(rich)));
        reordered.put("written_by", "a later dbsnap");
        Catalog readBack = CatalogJson.fromJson(reordered.toString());
        assertThat(reordered.toString()).doesNotContain("\n").doesNotStartWith("{\"format\"");
        assertThat(readBack).isEqualTo(rich);
        assertThat(CatalogJson.fingerprint(readBack)).isEqualTo(fingerprint);
    }

    /** {@code node} with the keys of every object in it in the reverse order. */
    private static ObjectNode reversed(ObjectNode node) {
        ObjectNode copy = node.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            copy.set(names.get(i), reversedIn(node.get(names.get(i))));
        }
        return copy;
    }

    private static JsonNode reversedIn(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return reversed(object);
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(reversedIn(element)));
            return copy;
        }
        return node;
    }

    @Test
    void unknownKeysAreIgnored() {
        String later = TINY_JSON
                .replace("\"format\": 1,", "\"format\": 1, \"written_by\": {\"version\": [1, 2]},")
                .replace("\"local\": true,", "\"local\": true, \"some_later_flag\": false,")
                .replace("\"kind\": \"enum\",", "\"kind\": \"enum\", \"owner_hint\": null,");

        assertThat(CatalogJson.fromJson(later)).isEqualTo(tiny());
    }

    @Test
    void aMissingOptionalKeyReadsAsEmpty() {
        String withoutStorage = TINY_JSON.replace("\"storage\": null,", "");

        assertThat(CatalogJson.fromJson(withoutStorage)).isEqualTo(tiny());
    }

    @Test
    void somethingThatIsNotACatalogIsCorrupt() {
        assertCorrupt("", "the text is empty");
        assertCorrupt("   \n", "the text is empty");
        assertCorrupt("not json", "not valid JSON (line 1, column");
        assertCorrupt(TINY_JSON.substring(0, TINY_JSON.length() / 2), "not valid JSON");
        assertCorrupt(TINY_JSON + "{}", "not valid JSON");
        assertCorrupt("[1, 2]", "it is a list, not a JSON object");
        assertCorrupt("{\"name\": \"x\"}", "no \"format\" key");
        assertCorrupt("{\"format\": \"1\"}", "its \"format\" is \"1\", not a number");
        assertCorrupt(TINY_JSON.replace("\"format\": 1", "\"format\": 1, \"format\": 1"), "Duplicate field 'format'");
    }

    @Test
    void aLaterFormatSaysSo() {
        assertThatThrownBy(() -> CatalogJson.fromJson(TINY_JSON.replace("\"format\": 1", "\"format\": 2")))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("format 2")
                .hasMessageContaining("reads only format 1")
                .hasMessageContaining("newer dbsnap");
    }

    @Test
    void aWrongShapeNamesThePlace() {
        assertCorrupt(TINY_JSON.replace("\"not_null\": true,", ""), "the key tables[0].columns[0].not_null is missing");
        assertCorrupt(TINY_JSON.replace("\"not_null\": true", "\"not_null\": \"yes\""),
                "tables[0].columns[0].not_null should be true or false but is \"yes\"");
        assertCorrupt(TINY_JSON.replace("\"generated\": \"none\"", "\"generated\": \"sometimes\""),
                "tables[0].columns[0].generated is \"sometimes\", which is none of \"none\", \"stored\", \"virtual\"");
        assertCorrupt(TINY_JSON.replace("\"kind\": \"enum\"", "\"kind\": \"weird\""),
                "types[0].kind is \"weird\", which is none of \"enum\", \"domain\", \"composite\", \"range\", \"base\"");
        assertCorrupt(TINY_JSON.replace("\"kind\": \"enum\",", ""), "types[0] should be an object with a \"kind\" key");
        assertCorrupt(TINY_JSON.replace("\"sad\",", "null,"), "types[0].labels[0] should be a string but is null");
        assertCorrupt(TINY_JSON.replace("\"views\": []", "\"views\": {}"), "views should be a list but is an object");
        assertCorrupt(TINY_JSON.replace("\"schemas\": [", "\"schemas\": [7, "), "schemas[0] should be an object but is 7");
    }

    @Test
    void aStreamThatIsNotACatalogIsCorrupt() {
        assertThatThrownBy(() -> CatalogJson.read(new ByteArrayInputStream((TINY_JSON + "x").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CatalogJson.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("the text is empty");
    }

    @Test
    void aNullInTheModelIsABugOfItsBuilder() {
        Catalog broken = catalog(List.of(new Schema(null)), List.of(), List.of());

        assertThatThrownBy(() -> CatalogJson.toJson(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemas[0].name");
    }

    private static void assertCorrupt(String json, String problem) {
        assertThatThrownBy(() -> CatalogJson.fromJson(json))
                .isInstanceOf(SnapshotCorruptException.class)
                .hasMessageStartingWith("The catalog cannot be read: ")
                .hasMessageContaining(problem)
                .hasMessageContaining("take a new snapshot");
    }

    /** One schema, one enum, one table of one column, a comment in need of escapes, one dependency. */
    private static Catalog tiny() {
        Table t = new Table(T, List.of(Column.of("feeling", "app.mood", true, Optional.of("'happy'::app.mood"))),
                List.of(), false, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), "d", Optional.empty(), false, false);
        Catalog catalog = catalog(List.of(new Schema("app")), List.of(new EnumType(MOOD, List.of("sad", "happy"))), List.of(t));
        return new Catalog(catalog.schemas(), List.of(), List.of(), catalog.types(), List.of(), catalog.tables(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new Comment("TABLE app.t", "Zähler \"t\"\n\tzweite Zeile")), List.of(), List.of(), List.of(),
                List.of(), List.of(new Dependency(t.id(), ObjectId.of(ObjectKind.TYPE, "app", "mood"))));
    }

    private static Catalog catalog(List<Schema> schemas, List<UserType> types, List<Table> tables) {
        return new Catalog(schemas, List.of(), List.of(), types, List.of(), tables, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Catalog withTables(Catalog c, List<Table> tables) {
        return new Catalog(c.schemas(), c.extensions(), c.collations(), c.types(), c.sequences(), tables, c.views(),
                c.indexes(), c.indexAttachments(), c.routines(), c.operators(), c.casts(), c.textSearchDictionaries(),
                c.textSearchConfigurations(), c.triggers(), c.rules(), c.statistics(), c.policies(), c.publications(),
                c.eventTriggers(), c.largeObjects(), c.comments(), c.securityLabels(), c.owners(), c.privileges(),
                c.defaultPrivileges(), c.dependencies(), c.operatorFamilies(), c.operatorClasses(), c.accessMethods(),
                c.languages(), c.conversions(), c.transforms(), c.textSearchParsers(), c.textSearchTemplates(),
                c.foreignDataWrappers(), c.foreignServers(), c.userMappings(), c.foreignTables(), c.subscriptions());
    }

    /** One or more of every kind of object, with Optionals both present and absent. */
    private static Catalog rich() {
        QualifiedName orders = new QualifiedName("Sales Dept", "Order");
        QualifiedName ordersPart = new QualifiedName("Sales Dept", "Order_2024");
        Sequence identity = new Sequence(new QualifiedName("Sales Dept", "Order_id_seq"), "bigint", 1, 1, 1,
                Long.MAX_VALUE, 1, false, false, Optional.of(new Sequence.ColumnRef(orders, "id")));
        Sequence descending = new Sequence(new QualifiedName("app", "down"), "bigint", -1, -1, Long.MIN_VALUE, -1, 20,
                true, true, Optional.empty());
        Column id = new Column("id", "bigint", Optional.empty(), true, Optional.of("order_id_not_null"), Optional.empty(),
                Column.Generated.NONE, Column.Identity.BY_DEFAULT, Optional.of(identity), true, Optional.of(500),
                Optional.of("main"), Optional.of("lz4"));
        Column code = new Column("code", "text", Optional.of(new QualifiedName("pg_catalog", "C")), false, Optional.empty(),
                Optional.of("upper(name)"), Column.Generated.STORED, Column.Identity.NONE, Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.empty());
        Table order = new Table(orders, List.of(id, code, Column.of("näme", "character varying(12)", false, Optional.empty())),
                List.of(new Constraint(orders, "order_pk", Constraint.Type.PRIMARY_KEY, "PRIMARY KEY (id)", true, true),
                        new Constraint(orders, "code_check", Constraint.Type.CHECK, "CHECK ((code <> ''::text))", true, false)),
                true, List.of("fillfactor=70", "toast.autovacuum_enabled=false"), Optional.of("RANGE (id)"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), "i", Optional.of("order_pk"), true, true);
        Table partition = new Table(ordersPart, List.of(), List.of(), false, List.of(), Optional.empty(),
                Optional.of(orders), Optional.of("FOR VALUES FROM (0) TO (100)"), Optional.of(new QualifiedName("app", "pair")),
                List.of(new QualifiedName("app", "base1"), new QualifiedName("app", "base2")), "d", Optional.empty(), false, false);
        List<UserType> types = List.of(
                new EnumType(MOOD, List.of("sad", "happy")),
                new EnumType(new QualifiedName("app", "empty_enum"), List.of()),
                new DomainType(new QualifiedName("app", "posint"), "integer", Optional.empty(), Optional.of("1"), true,
                        List.of(new DomainType.DomainConstraint("positive", "CHECK ((VALUE > 0))", true),
                                new DomainType.DomainConstraint("small", "CHECK ((VALUE < 100))", false))),
                new DomainType(new QualifiedName("app", "label"), "text", Optional.of(new QualifiedName("pg_catalog", "C")),
                        Optional.empty(), false, List.of()),
                new CompositeType(new QualifiedName("app", "pair"), List.of(
                        new CompositeType.Attribute("a", "integer", Optional.empty()),
                        new CompositeType.Attribute("b", "text", Optional.of(new QualifiedName("public", "de_DE"))))),
                new RangeType(new QualifiedName("app", "floatrange"), "double precision", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(new QualifiedName("app", "float_diff")),
                        Optional.of(new QualifiedName("app", "floatmultirange"))),
                new RangeType(new QualifiedName("app", "textrange"), "text", Optional.of(new QualifiedName("pg_catalog", "text_ops")),
                        Optional.of(new QualifiedName("pg_catalog", "C")), Optional.of(new QualifiedName("app", "canon")),
                        Optional.empty(), Optional.empty()),
                new BaseType(new QualifiedName("app", "tiny_text"), List.of("INTERNALLENGTH = variable", "INPUT = app.tiny_in")),
                new BaseType(new QualifiedName("app", "never_completed"), List.of()));
        Grant select = new Grant("reader", List.of("SELECT"), false);
        Grant all = new Grant("PUBLIC", List.of("INSERT", "UPDATE"), true);
        return new Catalog(
                List.of(new Schema("Sales Dept"), new Schema("app")),
                List.of(new Extension("pgcrypto", "public", "1.3")),
                List.of(new Collation(new QualifiedName("public", "de_DE"), "icu", Optional.of("de-DE"), Optional.empty(),
                                Optional.empty(), false, Optional.of("&a < b"), false),
                        new Collation(new QualifiedName("public", "posix2"), "libc", Optional.empty(), Optional.of("C"),
                                Optional.of("POSIX"), true, Optional.empty(), true)),
                types,
                List.of(descending, identity),
                List.of(order, partition),
                List.of(new View(new QualifiedName("app", "v"), false, " SELECT 1 AS one", List.of("security_barrier=true"),
                                Optional.of("CASCADED"), List.of(new View.OutputColumn("one", "integer", Optional.empty()),
                                        new View.OutputColumn("label", "text", Optional.of(new QualifiedName("pg_catalog", "C"))))),
                        new View(new QualifiedName("app", "mv"), true, " SELECT 2 AS two", List.of(), Optional.empty())
                                .withPopulated(false)),
                List.of(new Index(new QualifiedName("Sales Dept", "order_code"), orders,
                        "CREATE INDEX order_code ON \"Sales Dept\".\"Order\" USING btree (code)")),
                List.of(new IndexAttachment(new QualifiedName("Sales Dept", "order_code"),
                        new QualifiedName("Sales Dept", "order_2024_code"))),
                List.of(new Routine(new QualifiedName("app", "f"), "x integer", Routine.Kind.FUNCTION,
                                "CREATE OR REPLACE FUNCTION app.f(x integer)\n RETURNS integer\n LANGUAGE sql\nAS $function$select x$function$"),
                        new Routine(new QualifiedName("app", "p"), "", Routine.Kind.PROCEDURE, "CREATE PROCEDURE app.p() ..."),
                        new Routine(new QualifiedName("app", "agg"), "integer", Routine.Kind.AGGREGATE, "CREATE AGGREGATE ...")),
                List.of(new Operator(new QualifiedName("app", "===") , Optional.of("integer"), Optional.of("integer"), "app.eq",
                                Optional.of("OPERATOR(app.===)"), Optional.of("OPERATOR(app.!==)"), Optional.of("eqsel"),
                                Optional.of("eqjoinsel"), true, false),
                        new Operator(new QualifiedName("app", "!!"), Optional.empty(), Optional.of("bigint"), "app.fact",
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, true)),
                List.of(new Cast("app.pair", "text", Cast.Method.FUNCTION, Optional.of("app.pair_text(app.pair)"),
                                Cast.Context.ASSIGNMENT),
                        new Cast("app.label", "integer", Cast.Method.INOUT, Optional.empty(), Cast.Context.EXPLICIT)),
                List.of(new TextSearchDictionary(new QualifiedName("app", "dict"), "pg_catalog.simple",
                                Optional.of("stopwords = 'english'")),
                        new TextSearchDictionary(new QualifiedName("app", "plain"), "pg_catalog.simple", Optional.empty())),
                List.of(new TextSearchConfiguration(new QualifiedName("app", "cfg"), "pg_catalog.\"default\"",
                        List.of(new TextSearchConfiguration.Mapping("asciiword", List.of("app.dict", "simple")),
                                new TextSearchConfiguration.Mapping("word", List.of())))),
                List.of(new Trigger(orders, "audit", "CREATE TRIGGER audit AFTER INSERT ON ...", "O")),
                List.of(new Rule(orders, "no_delete", "CREATE RULE no_delete AS ON DELETE TO ... DO INSTEAD NOTHING", "D")),
                List.of(new StatisticsObject(new QualifiedName("app", "st"), orders, "CREATE STATISTICS app.st ON id, code FROM ...",
                                Optional.of(500)),
                        new StatisticsObject(new QualifiedName("app", "st2"), orders, "CREATE STATISTICS app.st2 ...", Optional.empty())),
                List.of(new Policy(orders, "no writes", false, "UPDATE", List.of("public"), Optional.of("(id > 100)"),
                                Optional.empty()),
                        new Policy(orders, "mine", true, "ALL", List.of("alice", "bob"), Optional.empty(), Optional.of("true"))),
                List.of(new Publication("pub", false, "insert, update", true, Optional.of("stored"),
                                List.of(new Publication.Member(orders, List.of("id", "code"), Optional.of("(id > 5)")),
                                        new Publication.Member(ordersPart, List.of(), Optional.empty())),
                                List.of("app")),
                        new Publication("everything", true, "insert", false, Optional.empty(), List.of(), List.of())),
                List.of(new EventTrigger("quiet", "ddl_command_start", List.of("CREATE TABLE", "DROP TABLE"),
                                new QualifiedName("app", "on_ddl"), "D"),
                        new EventTrigger("loud", "sql_drop", List.of(), new QualifiedName("app", "on_drop"), "O")),
                List.of(new LargeObject(424242L), new LargeObject(4294967295L)),
                List.of(new Comment("COLUMN \"Sales Dept\".\"Order\".id", "the key; a \\ backslash, ünïcödé and a \001 control")),
                List.of(new SecurityLabel("TABLE app.t", "dummy", "classified")),
                List.of(new Ownership("TABLE \"Sales Dept\".\"Order\"", "alice")),
                List.of(new AccessControl("TABLE \"Sales Dept\".\"Order\"", Optional.empty(), "alice", List.of(select, all)),
                        new AccessControl("TABLE \"Sales Dept\".\"Order\"", Optional.of("code"), "alice", List.of(select))),
                List.of(new DefaultPrivileges("alice", Optional.of("app"), "TABLES", List.of(select)),
                        new DefaultPrivileges("alice", Optional.empty(), "FUNCTIONS", List.of())),
                List.of(new Dependency(order.id(), ObjectId.of(ObjectKind.SCHEMA, "", "Sales Dept")),
                        new Dependency(order.defaultId("code"), new ObjectId(ObjectKind.FUNCTION, "app", "f", "x integer"))),
                List.of(new OperatorFamily(new QualifiedName("app", "fam"), "btree",
                        List.of(new OperatorFamilyMember(false, 3, "", "=(integer,bigint)", Optional.empty()),
                                new OperatorFamilyMember(true, 1, "(integer, bigint)", "btint48cmp(integer,bigint)",
                                        Optional.empty())))),
                List.of(new OperatorClass(new QualifiedName("app", "ops"), "gist", "app.pair", true,
                        new QualifiedName("app", "fam"), Optional.of("box"),
                        List.of(new OperatorFamilyMember(false, 15, "", "<->(point,point)",
                                Optional.of(new QualifiedName("pg_catalog", "float_ops")))))),
                List.of(new AccessMethod("my am", "INDEX", "gisthandler")),
                List.of(new ProceduralLanguage("pl", true, "app.handler", Optional.of("app.inline"), Optional.empty())),
                List.of(new Conversion(new QualifiedName("app", "conv"), "LATIN1", "UTF8", "iso8859_1_to_utf8", true)),
                List.of(new Transform("integer", "pl", Optional.of("app.f(internal)"), Optional.empty())),
                List.of(new TextSearchParser(new QualifiedName("app", "prs"), "prsd_start", "prsd_nexttoken", "prsd_end",
                        Optional.empty(), "prsd_lextype")),
                List.of(new TextSearchTemplate(new QualifiedName("app", "tmpl"), Optional.of("dsimple_init"), "dsimple_lexize")),
                List.of(new ForeignDataWrapper("fdw", Optional.empty(), Optional.of("postgresql_fdw_validator"),
                        List.of("debug 'true'"))),
                List.of(new ForeignServer("srv", "fdw", Optional.of("oracle"), Optional.empty(), List.of("host 'h'"))),
                List.of(new UserMapping("PUBLIC", "srv", List.of("\"user\" 'anon'"))),
                List.of(new ForeignTable(partition, "srv", List.of("table_name 'remote'"),
                        List.of(new ForeignTable.ColumnOptions("id", List.of("column_name 'key'"))))),
                List.of(new Subscription("sub", "dbname=elsewhere", List.of("pub", "everything"),
                        List.of("slot_name = NONE", "binary = true"))));
    }
}
