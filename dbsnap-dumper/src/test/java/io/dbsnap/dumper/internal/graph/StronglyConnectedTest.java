package io.dbsnap.dumper.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Dependency;
import io.dbsnap.catalog.ObjectId;
import io.dbsnap.catalog.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StronglyConnectedTest {

    private static ObjectId id(String name) {
        return ObjectId.of(ObjectKind.TABLE, "s", name);
    }

    private static Dependency edge(String dependent, String referenced) {
        return new Dependency(id(dependent), id(referenced));
    }

    @Test
    void objectsThatDependOnEachOtherShareAComponentAndNoOthers() {
        // a -> b -> c -> a is a loop; d hangs off it; e -> f -> e is a second loop
        Map<ObjectId, Integer> c = StronglyConnected.components(List.of(
                edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("d", "a"), edge("e", "f"), edge("f", "e"), edge("e", "d")));

        assertThat(c.get(id("a"))).isEqualTo(c.get(id("b"))).isEqualTo(c.get(id("c")));
        assertThat(c.get(id("e"))).isEqualTo(c.get(id("f")));
        assertThat(c.get(id("d"))).isNotEqualTo(c.get(id("a"))).isNotEqualTo(c.get(id("e")));
        assertThat(c.get(id("a"))).isNotEqualTo(c.get(id("e")));
    }

    @Test
    void aLongChainNeedsNoDeepStack() {
        List<Dependency> chain = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            chain.add(edge("v" + i, "v" + (i + 1)));
        }
        chain.add(edge("v100000", "v0"));

        Map<ObjectId, Integer> c = StronglyConnected.components(chain);

        assertThat(c.get(id("v0"))).isEqualTo(c.get(id("v99999")));
    }
}
