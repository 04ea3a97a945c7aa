package io.dbsnap.store;

import java.time.Instant;

/** An object in object storage: its name relative to the store's location, its size and when it was written. */
public record StoredObject(String name, long sizeBytes, Instant modified) {
}
