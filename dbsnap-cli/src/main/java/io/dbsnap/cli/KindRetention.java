package io.dbsnap.cli;

import io.dbsnap.store.RetentionKind;
import io.dbsnap.store.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The ages per kind of snapshot that {@code --keep} and {@code $DBSNAP_RETENTION} give, such as
 * {@code manual=30d,pre-migration=90d,label:release-=1y}... in days, weeks, hours or minutes.
 */
final class KindRetention {

    static final String VARIABLE = "DBSNAP_RETENTION";

    private KindRetention() {
    }

    /** One policy per {@code KIND=AGE} of the comma-separated {@code text}; none for a blank one. */
    static List<RetentionPolicy> parse(String text, String from) {
        List<RetentionPolicy> policies = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new UsageException(from + ": '" + item.trim() + "' is not KIND=AGE. Give such as manual=30d,"
                        + " pre-migration=90d, safety=7d, nightly=14d or label:release-=60d.");
            }
            String kind = item.substring(0, equals).trim();
            var age = Ages.parse(item.substring(equals + 1), from + " " + kind);
            if (kind.startsWith("label:")) {
                policies.add(RetentionPolicy.keepLabelPrefixWithin(kind.substring("label:".length()), age));
            } else {
                RetentionKind known = RetentionKind.parse(kind).orElseThrow(() -> new UsageException(from + ": no kind '"
                        + kind + "'. The kinds are manual, pre-migration, safety and nightly; label:PREFIX names labels."));
                policies.add(RetentionPolicy.keepKindWithin(known, age));
            }
        }
        return policies;
    }
}
