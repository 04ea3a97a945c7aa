package io.dbsnap.restore;

import java.util.List;

/**
 * How a restored database compares with its snapshot.
 *
 * @param differences what does not match, one line each; empty when everything checked matches
 */
public record Verification(List<String> differences) {

    public Verification {
        differences = List.copyOf(differences);
    }

    public boolean verified() {
        return differences.isEmpty();
    }
}
