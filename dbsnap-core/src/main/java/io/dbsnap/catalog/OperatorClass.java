package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE OPERATOR CLASS}.
 *
 * @param method  the index access method
 * @param type    the indexed type ({@code format_type})
 * @param family  the family it belongs to (always created first, on its own)
 * @param storage the type stored in the index when it is not the indexed type
 */
public record OperatorClass(QualifiedName name, String method, String type, boolean isDefault, QualifiedName family,
                            Optional<String> storage, List<OperatorFamilyMember> members) {

    public OperatorClass {
        members = List.copyOf(members);
    }

    public ObjectId id() {
        return new ObjectId(ObjectKind.OPERATOR_CLASS, name.schema(), name.name(), method);
    }

    public ObjectId familyId() {
        return new ObjectId(ObjectKind.OPERATOR_FAMILY, family.schema(), family.name(), method);
    }
}
