package io.dbsnap.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.Ownership;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every list of the catalog model is compared, as a restore's verification needs: an object that
 * one catalog lacks, whatever list it is in, is a change in both directions (missing after a
 * restore, or there in addition). {@link EveryFieldComparedTest} changes the parts of each object;
 * this one takes whole objects away. A list added to {@link Catalog} later without a comparison
 * fails here.
 */
class EveryListComparedTest {

    /** Only orders creation; never compared. */
    private static final String DEPENDENCIES = "dependencies";

    /** What a restore without owners and grants leaves out of its verification. */
    private static final Set<String> ACCESS = Set.of("owners", "privileges", "defaultPrivileges");

    @Test
    void anObjectOfAnyListThatOneCatalogLacksIsAChange() {
        List<String> unnoticed = unnoticedRemovals(DiffOptions.defaults());

        assertThat(unnoticed).as("objects whose absence the diff did not notice").isEmpty();
    }

    @Test
    void withoutOwnersAndPrivilegesOnlyTheirListsAreLeftOut() {
        List<String> unnoticed = unnoticedRemovals(new DiffOptions(false, false));

        // every object of the access lists goes unnoticed, and nothing else
        List<String> lists = unnoticed.stream().map(u -> u.substring(0, u.indexOf(':'))).distinct().toList();
        assertThat(lists).containsExactlyInAnyOrderElementsOf(ACCESS);
        Catalog sample = sample();
        assertThat(unnoticed).hasSize(sample.owners().size() + sample.privileges().size()
                + sample.defaultPrivileges().size());
    }

    /** {@code list: object} for each object whose removal from the sample, or addition to it, the diff misses. */
    private static List<String> unnoticedRemovals(DiffOptions options) {
        Catalog sample = sample();
        RecordComponent[] components = Catalog.class.getRecordComponents();
        List<List<Object>> lists = Catalogs.lists(sample);
        List<String> unnoticed = new ArrayList<>();
        int removals = 0;
        for (int c = 0; c < components.length; c++) {
            String list = components[c].getName();
            if (list.equals(DEPENDENCIES)) {
                continue;
            }
            assertThat(lists.get(c)).as("the sample catalog has %s", list).isNotEmpty();
            for (int i = 0; i < lists.get(c).size(); i++) {
                List<List<Object>> fewer = Catalogs.lists(sample);
                Object removed = fewer.get(c).remove(i);
                Catalog without = Catalogs.build(fewer);
                removals++;
                boolean missingNoticed = !compare(sample, without, options).isEmpty();
                boolean extraNoticed = !compare(without, sample, options).isEmpty();
                if (!missingNoticed || !extraNoticed) {
                    unnoticed.add(list + ": " + removed);
                }
            }
        }
        assertThat(removals).as("objects taken away").isGreaterThan(components.length);
        return unnoticed;
    }

    /**
     * The sample of every kind, with its schema's owner too: a catalog read from a server lists an
     * owner for every object, and one that lists none recorded none (then owners are not compared).
     */
    private static Catalog sample() {
        return Catalogs.with(SampleCatalog.everyKind(), new Ownership("SCHEMA shop", "app_owner"));
    }

    private static DiffReport compare(Catalog before, Catalog after, DiffOptions options) {
        return SchemaDiff.compare(DiffSide.of("before", before), DiffSide.of("after", after), options);
    }
}
