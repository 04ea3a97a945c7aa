package io.dbsnap.dumper.internal.read;

import io.dbsnap.catalog.QualifiedName;
import java.util.Optional;

/**
 * An aggregate as {@code pg_aggregate} describes it, which no server function renders:
 * {@link AggregateDdl} writes its {@code CREATE AGGREGATE}. Functions and types are as the server
 * names them ({@code regproc}, {@code format_type}); codes are the catalog's.
 *
 * @param arguments     the argument list as CREATE AGGREGATE takes it, {@code *} for none
 * @param kind          {@code n} normal, {@code o} ordered-set, {@code h} hypothetical-set
 * @param finalModify   {@code r} read only, {@code s} shareable, {@code w} read write
 * @param sortOperator  the sort operator as {@code regoperator} renders it, with its argument types
 * @param parallel      {@code s} safe, {@code r} restricted, {@code u} unsafe
 */
public record Aggregate(QualifiedName name, String arguments, String kind, String transitionFunction, String stateType,
                 int stateSpace, Optional<String> finalFunction, boolean finalExtra, String finalModify,
                 Optional<String> combineFunction, Optional<String> serialFunction, Optional<String> deserialFunction,
                 Optional<String> initialCondition, MovingState moving, Optional<String> sortOperator, String parallel) {

    /**
     * The moving-aggregate state ({@code MSFUNC} and its companions), used in window frames.
     *
     * @param transitionFunction absent when the aggregate has no moving mode
     */
    public record MovingState(Optional<String> transitionFunction, Optional<String> inverseFunction, Optional<String> stateType,
                       int stateSpace, Optional<String> finalFunction, boolean finalExtra, String finalModify,
                       Optional<String> initialCondition) {
    }
}
