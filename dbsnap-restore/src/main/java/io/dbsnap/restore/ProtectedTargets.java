package io.dbsnap.restore;

import io.dbsnap.connection.ConnectionUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The databases a restore or rollback may replace only with an explicit approval
 * ({@link RestoreOptions#approvingProduction()}, on the command line {@code --approve-production}):
 * host names, host patterns with {@code *} (such as {@code *.prod.example.com}), or URLs
 * ({@code postgresql://host:5432/app}, {@code jdbc:postgresql://host/app}) that name one database
 * of a server. Host names compare without regard to case; a URL compares host, port (5432 when it
 * names none) and database. {@value #VARIABLE} holds them comma-separated.
 */
public final class ProtectedTargets {

    /** The environment variable read by {@link #fromEnvironment()}: comma-separated hosts, patterns or URLs. */
    public static final String VARIABLE = "DBSNAP_PROTECTED";

    private static final ProtectedTargets NONE = new ProtectedTargets(List.of());

    private final List<Target> targets;

    private ProtectedTargets(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /** Nothing is protected. */
    public static ProtectedTargets none() {
        return NONE;
    }

    /** The targets {@value #VARIABLE} names in this process's environment; none when it is not set. */
    public static ProtectedTargets fromEnvironment() {
        String value = System.getenv(VARIABLE);
        return value == null ? NONE : parse(value);
    }

    /**
     * The targets of a comma-separated list, such as {@code prod-db.example.com,*.prod.internal}.
     *
     * @throws IllegalArgumentException when an entry looks like a URL but is not one
     */
    public static ProtectedTargets parse(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "commaSeparated");
        List<Target> targets = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            if (text.contains("://")) {
                ConnectionUrl url = ConnectionUrl.parse(text);
                targets.add(new Target(text.replaceFirst("://[^@/]*@", "://"), hostPattern(hostOf(url.hosts().get(0))),
                        Optional.of(portOf(url.hosts().get(0))), Optional.of(url.database())));
            } else {
                targets.add(new Target(text, hostPattern(text), Optional.empty(), Optional.empty()));
            }
        }
        return new ProtectedTargets(targets);
    }

    /** Any of {@code entries}, each a host, pattern or URL. */
    public static ProtectedTargets of(String... entries) {
        return parse(String.join(",", entries));
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /**
     * The entry that protects the database described as {@code user@host:port/db} (as
     * {@link io.dbsnap.connection.DatabaseAddress} and {@link ConnectionUrl#describe()} name it), if any.
     */
    public Optional<String> protecting(String address) {
        String withoutUser = address.substring(address.indexOf('@') + 1);
        int slash = withoutUser.indexOf('/');
        String hostPort = slash < 0 ? withoutUser : withoutUser.substring(0, slash);
        String database = slash < 0 ? "" : withoutUser.substring(slash + 1);
        // a URL may name several hosts (failover): each of them counts
        for (String one : hostPort.split(",")) {
            String host = hostOf(one);
            int port = portOf(one);
            for (Target target : targets) {
                if (target.host().matcher(host.toLowerCase(Locale.ROOT)).matches()
                        && target.port().map(p -> p == port).orElse(true)
                        && target.database().map(d -> d.equals(database)).orElse(true)) {
                    return Optional.of(target.text());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a restore or rollback into a protected database without approval: nothing has been
     * changed when this throws.
     *
     * @throws ProductionApprovalRequiredException when {@code address} is protected and not approved
     */
    public void check(String address, boolean approved, String operation) {
        if (approved) {
            return;
        }
        Optional<String> entry = protecting(address);
        if (entry.isPresent()) {
            throw new ProductionApprovalRequiredException(operation, address, entry.get());
        }
    }

    @Override
    public String toString() {
        return String.join(",", targets.stream().map(Target::text).toList());
    }

    private static String hostOf(String hostPort) {
        if (hostPort.startsWith("[")) {
            return hostPort.substring(1, Math.max(1, hostPort.indexOf(']')));
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static int portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return 5432;
        }
        try {
            return Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 5432;
        }
    }

    /** A host name, or a pattern with {@code *} for any characters, compared in lower case. */
    private static Pattern hostPattern(String host) {
        List<String> parts = new ArrayList<>();
        for (String part : host.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    private record Target(String text, Pattern host, Optional<Integer> port, Optional<String> database) {
    }
}
