package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE OPERATOR FAMILY}, with the members that belong to the family rather than to one of
 * its classes ({@code ALTER OPERATOR FAMILY ... ADD}).
 *
 * @param method the index access method
 */
public record OperatorFamily(QualifiedName name, String method, List<OperatorFamilyMember> members) {

    public OperatorFamily {
        members = List.copyOf(members);
    }

    public ObjectId id() {
        return new ObjectId(ObjectKind.OPERATOR_FAMILY, name.schema(), name.name(), method);
    }
}
