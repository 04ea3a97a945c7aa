package io.dbsnap.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The {@code dbsnap} command: {@code java -jar dbsnap-cli-VERSION-all.jar ARGS}, which {@code bin/dbsnap} runs. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // logging is set up before anything creates a logger, so -v is looked for before parsing
        Logging.configure(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose"));
        // stdout buffered (a dump goes through it), stderr not (progress and questions must show at once)
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Cli(System.getenv(), out, err).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
