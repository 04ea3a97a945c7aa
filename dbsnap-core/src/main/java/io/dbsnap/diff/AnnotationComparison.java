package io.dbsnap.diff;

import io.dbsnap.catalog.Catalog;
import io.dbsnap.catalog.SecurityLabel;
import java.util.Optional;

/**
 * Compares comments and security labels, matched by the object they are on. Those of objects
 * added or removed come and go with their object.
 */
final class AnnotationComparison {

    private AnnotationComparison() {
    }

    static void compare(Catalog before, Catalog after, UnmatchedTargets unmatched, ChangeList changes) {
        changes.compare(before.comments().stream().filter(c -> !unmatched.contains(c.target())).toList(),
                after.comments().stream().filter(c -> !unmatched.contains(c.target())).toList(),
                c -> new Subject(SubjectKind.COMMENT, TargetName.schemaOf(c.target()), Optional.empty(), c.target(),
                        Optional.empty()),
                (a, b, d) -> d.value("text", a.text(), b.text()),
                (c, added, contents) -> contents.add(added ? Difference.added("text", c.text())
                        : Difference.removed("text", c.text())));
        changes.compare(before.securityLabels().stream().filter(l -> !unmatched.contains(l.target())).toList(),
                after.securityLabels().stream().filter(l -> !unmatched.contains(l.target())).toList(),
                AnnotationComparison::subject,
                (a, b, d) -> d.value("label", a.label(), b.label()),
                (l, added, contents) -> contents.add(added ? Difference.added("label", l.label())
                        : Difference.removed("label", l.label())));
    }

    private static Subject subject(SecurityLabel label) {
        return new Subject(SubjectKind.SECURITY_LABEL, TargetName.schemaOf(label.target()), Optional.empty(), label.target(),
                Optional.of(label.provider()));
    }
}
