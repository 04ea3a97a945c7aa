package io.dbsnap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbsnap.testkit.PostgresServer;
import io.dbsnap.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real {@code dbsnap} command in-process, through picocli, with an environment and a
 * terminal of the test's choosing, and checks of every run that no password was printed.
 */
final class CliRunner {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {

        String all() {
            return out + err;
        }
    }

    private final Map<String, String> environment = new HashMap<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private boolean interactive;
    private final List<String> secrets;
    private Clock clock = Clock.systemUTC();

    /** @param secrets text that must never appear in any output (the server's password) */
    CliRunner(String... secrets) {
        this.secrets = List.of(secrets);
    }

    /** A runner for {@code db}'s server, whose password must never be printed. */
    static CliRunner forServer() {
        String password = PostgresServer.shared().password();
        return new CliRunner(password, encode(password));
    }

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A terminal on stdin that answers the questions asked with these lines. */
    CliRunner answering(String... lines) {
        interactive = true;
        answers.addAll(List.of(lines));
        return this;
    }

    /** The command's clock: {@code ahead} later than the real one (snapshots taken now then look that old). */
    CliRunner clockAhead(java.time.Duration ahead) {
        clock = Clock.offset(Clock.systemUTC(), ahead);
        return this;
    }

    /** No terminal on stdin: a CI job, a pipe. */
    CliRunner withoutTerminal() {
        interactive = false;
        answers.clear();
        return this;
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public boolean progressBar() {
                return false;
            }

            @Override
            public Optional<String> ask(String prompt, PrintStream stream) {
                stream.print(prompt);
                return Optional.ofNullable(answers.poll());
            }
        };
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new Cli(new CliContext(new Environment(environment), terminal, outStream, errStream,
                clock)).run(args);
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        for (String secret : secrets) {
            assertThat(run.all()).as("output of dbsnap %s", String.join(" ", args)).doesNotContain(secret);
        }
        return run;
    }

    /** {@code postgresql://user:password@host:port/db}, the form hosts hand out, with the password in it. */
    static String url(TestDatabase db) {
        PostgresServer server = db.server();
        return "postgresql://" + encode(db.user()) + ":" + encode(db.password()) + "@" + server.host() + ":"
                + server.port() + "/" + db.name();
    }

    /** The JDBC form, password as a parameter. */
    static String jdbcUrl(TestDatabase db) {
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + encode(db.user()) + "&password="
                + encode(db.password());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
