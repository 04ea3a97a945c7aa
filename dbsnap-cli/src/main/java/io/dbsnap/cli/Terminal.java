package io.dbsnap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command knows of the terminal it runs in: whether a person can answer a question on
 * stdin, and whether stderr can show a progress line that redraws itself.
 */
interface Terminal {

    /** Whether stdin is a terminal, so that a question can be answered. */
    boolean interactive();

    /** Whether stderr is a terminal, so that progress may redraw one line instead of printing many. */
    boolean progressBar();

    /** Shows {@code prompt} on {@code err} and reads one line of answer; empty at end of input. */
    Optional<String> ask(String prompt, PrintStream err);

    /** The terminal of this process. */
    static Terminal system() {
        return new SystemTerminal();
    }

    /** The process's own stdin and stderr. */
    final class SystemTerminal implements Terminal {

        private BufferedReader stdin;

        @Override
        public boolean interactive() {
            return isTerminal(0);
        }

        @Override
        public boolean progressBar() {
            return isTerminal(2) && !"dumb".equals(System.getenv("TERM"));
        }

        @Override
        public Optional<String> ask(String prompt, PrintStream err) {
            err.print(prompt);
            err.flush();
            try {
                if (stdin == null) {
                    stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                }
                return Optional.ofNullable(stdin.readLine());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /**
         * Whether file descriptor {@code fd} is a terminal. Java 17 cannot ask isatty() of one
         * stream; on Linux the descriptor's link names the device ({@code /dev/pts/3}). Elsewhere
         * {@link System#console()} (stdin and stdout both terminals) stands in.
         */
        private static boolean isTerminal(int fd) {
            Path link = Path.of("/proc/self/fd/" + fd);
            try {
                if (Files.isSymbolicLink(link)) {
                    String target = Files.readSymbolicLink(link).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through to the portable answer
            }
            return System.console() != null;
        }
    }
}
