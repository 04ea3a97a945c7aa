package io.dbsnap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the command reads, taken as a map so that tests can give their own.
 *
 * @param variables the process environment ({@code System.getenv()} in {@link Main})
 */
record Environment(Map<String, String> variables) {

    /** Where the database URL comes from when {@code --url} is not given, in this order. */
    static final List<String> URL_VARIABLES = List.of("DBSNAP_DB_URL", "DATABASE_URL", "SUPABASE_DB_URL");
    static final String DIRECTORY_VARIABLE = "DBSNAP_DIR";
    static final Path DEFAULT_DIRECTORY = Path.of("snapshots");

    Environment {
        variables = Map.copyOf(variables);
    }

    /** A URL and where it came from: {@code --url} or the name of the variable. */
    record Source(String url, String from) {
    }

    /** {@code --url} when given, else the first of {@link #URL_VARIABLES} that is set. */
    Optional<Source> databaseUrl(String option) {
        if (option != null && !option.isBlank()) {
            return Optional.of(new Source(option, "--url"));
        }
        for (String name : URL_VARIABLES) {
            String value = variables.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Source(value, name));
            }
        }
        return Optional.empty();
    }

    /** {@code --dir} when given, else {@code $DBSNAP_DIR}, else {@code ./snapshots}. */
    Path snapshotDirectory(Path option) {
        if (option != null) {
            return option;
        }
        String configured = variables.get(DIRECTORY_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : Path.of(configured);
    }
}
