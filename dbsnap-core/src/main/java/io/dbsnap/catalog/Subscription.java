package io.dbsnap.catalog;

import java.util.List;

/**
 * {@code CREATE SUBSCRIPTION}, written as pg_dump writes it: with {@code connect = false}, so that
 * a restore neither connects to the publisher nor creates a replication slot; it is left to the
 * operator to enable and refresh it. Database-wide.
 *
 * @param connection   the connection string as stored
 * @param publications the publications subscribed to
 * @param options      the other {@code WITH} options that differ from the defaults, rendered
 *                     ({@code slot_name = 'x'} or {@code slot_name = NONE} first)
 */
public record Subscription(String name, String connection, List<String> publications, List<String> options) {

    public Subscription {
        publications = List.copyOf(publications);
        options = List.copyOf(options);
    }

    public ObjectId id() {
        return ObjectId.of(ObjectKind.SUBSCRIPTION, "", name);
    }
}
