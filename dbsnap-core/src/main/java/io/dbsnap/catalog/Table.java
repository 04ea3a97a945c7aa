package io.dbsnap.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table: ordinary, partitioned, or a partition.
 *
 * @param columns          in column order
 * @param constraints      sorted by name
 * @param unlogged         {@code CREATE UNLOGGED TABLE}
 * @param options          storage parameters as {@code name=value} ({@code WITH (...)}) in the order set;
 *                         TOAST parameters prefixed {@code toast.}
 * @param partitionKey     for a partitioned table, {@code RANGE (col)} etc. ({@code pg_get_partkeydef})
 * @param partitionOf      for a partition, its parent
 * @param partitionBound   for a partition, {@code FOR VALUES ...} or {@code DEFAULT}
 * @param ofType           the composite type of a typed table ({@code CREATE TABLE ... OF type})
 * @param inherits         parents of a table that uses (non-partition) inheritance, in order
 * @param replicaIdentity  {@code d} default, {@code n} nothing, {@code f} full, {@code i} index
 * @param replicaIndex     the index of {@code REPLICA IDENTITY USING INDEX}
 * @param rowSecurity      {@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}
 * @param forceRowSecurity {@code ALTER TABLE ... FORCE ROW LEVEL SECURITY}
 * @param accessMethod     the table access method ({@code CREATE TABLE ... USING}) when it is not {@code heap}
 * @param clusterIndex     the index {@code CLUSTER} uses by default ({@code ALTER TABLE ... CLUSTER ON}), when set
 */
public record Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, boolean unlogged,
                    List<String> options, Optional<String> partitionKey, Optional<QualifiedName> partitionOf,
                    Optional<String> partitionBound, Optional<QualifiedName> ofType, List<QualifiedName> inherits, String replicaIdentity,
                    Optional<String> replicaIndex, boolean rowSecurity, boolean forceRowSecurity,
                    Optional<String> accessMethod, Optional<String> clusterIndex) {

    /** A table no index is marked for {@code CLUSTER} on. */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, boolean unlogged,
                 List<String> options, Optional<String> partitionKey, Optional<QualifiedName> partitionOf,
                 Optional<String> partitionBound, Optional<QualifiedName> ofType, List<QualifiedName> inherits,
                 String replicaIdentity, Optional<String> replicaIndex, boolean rowSecurity, boolean forceRowSecurity,
                 Optional<String> accessMethod) {
        this(name, columns, constraints, unlogged, options, partitionKey, partitionOf, partitionBound, ofType, inherits,
                replicaIdentity, replicaIndex, rowSecurity, forceRowSecurity, accessMethod, Optional.empty());
    }

    /** A table of the default access method, heap. */
    public Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, boolean unlogged,
                 List<String> options, Optional<String> partitionKey, Optional<QualifiedName> partitionOf,
                 Optional<String> partitionBound, Optional<QualifiedName> ofType, List<QualifiedName> inherits,
                 String replicaIdentity, Optional<String> replicaIndex, boolean rowSecurity, boolean forceRowSecurity) {
        this(name, columns, constraints, unlogged, options, partitionKey, partitionOf, partitionBound, ofType, inherits,
                replicaIdentity, replicaIndex, rowSecurity, forceRowSecurity, Optional.empty());
    }

    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        options = List.copyOf(options);
        inherits = List.copyOf(inherits);
    }

    public String schema() {
        return name.schema();
    }

    public boolean isPartitioned() {
        return partitionKey.isPresent();
    }

    public boolean isPartition() {
        return partitionOf.isPresent();
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.TABLE, name.schema(), name.name());
    }

    /** The identity of a column's default, which dependencies name apart from the table. */
    public ObjectId defaultId(String column) {
        return new ObjectId(ObjectKind.COLUMN_DEFAULT, name.schema(), name.name(), column);
    }
}
