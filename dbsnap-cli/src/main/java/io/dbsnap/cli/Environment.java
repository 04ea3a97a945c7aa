package io.dbsnap.cli;

import io.dbsnap.connection.LibpqEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment variables the command reads, taken as a map so that tests can give their own.
 *
 * @param variables        the process environment ({@code System.getenv()} in {@link Main})
 * @param workingDirectory where relative paths start (the process's own: the empty path)
 */
record Environment(Map<String, String> variables, Path workingDirectory) {

    /** Where the database URL comes from when {@code --url} is not given, in this order. */
    static final List<String> URL_VARIABLES = List.of("DBSNAP_DB_URL", "DATABASE_URL", "SUPABASE_DB_URL");
    static final String DIRECTORY_VARIABLE = "DBSNAP_DIR";
    static final Path DEFAULT_DIRECTORY = Path.of("snapshots");
    /**
     * A Supabase project keeps its database work under {@code supabase/} (the Supabase CLI's
     * {@code supabase init}); our users' scripts keep snapshots beside its migrations.
     */
    static final Path SUPABASE_PROJECT = Path.of("supabase");
    static final Path SUPABASE_DIRECTORY = SUPABASE_PROJECT.resolve("snapshots");

    Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The process's environment in the process's working directory. */
    Environment(Map<String, String> variables) {
        this(variables, Path.of(""));
    }

    /**
     * A URL, where it came from ({@code --url} or the name of the variable), and what completes
     * it: a password read from {@code --password-file}, and libpq's environment.
     */
    record Source(String url, String from, Optional<String> password, LibpqEnvironment libpq) {

        Source {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(libpq, "libpq");
        }

        /** Only the URL: no password file, no environment. */
        Source(String url, String from) {
            this(url, from, Optional.empty(), LibpqEnvironment.none());
        }

        /** Never the password. */
        @Override
        public String toString() {
            return "Source[from=" + from + "]";
        }
    }

    /** libpq's variables ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code PGHOST}, ...) among these. */
    LibpqEnvironment libpq() {
        return LibpqEnvironment.of(variables);
    }

    /**
     * {@code --url} when given, else the first of {@link #URL_VARIABLES} that is set, else the
     * server {@code PGHOST}, {@code PGPORT}, {@code PGUSER} and {@code PGDATABASE} name.
     */
    Optional<Source> databaseUrl(String option) {
        if (option != null && !option.isBlank()) {
            return Optional.of(new Source(option, "--url", Optional.empty(), libpq()));
        }
        for (String name : URL_VARIABLES) {
            String value = variables.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new Source(value, name, Optional.empty(), libpq()));
            }
        }
        return libpq().url().map(url -> new Source(url, String.join("/", LibpqEnvironment.ADDRESS_VARIABLES),
                Optional.empty(), libpq()));
    }

    /**
     * {@code --dir} when given, else {@code $DBSNAP_DIR}, else {@code ./supabase/snapshots} when
     * the working directory holds a {@code supabase/} folder, else {@code ./snapshots}.
     */
    Path snapshotDirectory(Path option) {
        if (option != null) {
            return option;
        }
        String configured = variables.get(DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return workingDirectory.resolve(Files.isDirectory(workingDirectory.resolve(SUPABASE_PROJECT))
                ? SUPABASE_DIRECTORY : DEFAULT_DIRECTORY);
    }
}
