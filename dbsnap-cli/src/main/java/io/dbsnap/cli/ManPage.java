package io.dbsnap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code dbsnap(1)}: the man page, in troff's man macros, generated from the same picocli model
 * the command runs (so it cannot drift from {@code --help}): the top command's usage, then each
 * subcommand's. picocli's own ManPageGenerator (picocli-codegen) writes AsciiDoc, which needs
 * Asciidoctor (Ruby, or JRuby in the build) to become a page {@code man} reads; the help text
 * picocli already lays out is rendered here as preformatted sections instead.
 */
final class ManPage {

    private final CommandLine command;
    private final String version;

    ManPage(CommandLine command, String version) {
        this.command = command;
        this.version = version;
    }

    String render() {
        StringBuilder page = new StringBuilder();
        String name = command.getCommandName();
        page.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"").append(name).append(' ')
                .append(version).append("\" \"User Commands\"\n");
        page.append(".SH NAME\n").append(name).append(" \\- ")
                .append(escape(String.join(" ", command.getCommandSpec().usageMessage().description()).strip())).append('\n');
        page.append(".SH SYNOPSIS\n.B ").append(name).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        section(page, "DESCRIPTION", command);
        page.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            page.append(".SS ").append(name).append(' ').append(sub.getKey()).append('\n');
            preformatted(page, usage(sub.getValue()));
        }
        return page.toString();
    }

    private static void section(StringBuilder page, String title, CommandLine command) {
        page.append(".SH ").append(title).append('\n');
        preformatted(page, usage(command));
    }

    /** The usage text as {@code --help} prints it, without colours. */
    private static String usage(CommandLine command) {
        StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text), Ansi.OFF);
        return text.toString();
    }

    /** Lines kept as they are (no filling or adjusting), every one escaped for troff. */
    private static void preformatted(StringBuilder page, String text) {
        page.append(".nf\n");
        for (String line : text.strip().split("\n", -1)) {
            page.append(line.isBlank() ? ".sp" : "\\&" + escape(line.stripTrailing())).append('\n');
        }
        page.append(".fi\n");
    }

    /** Backslashes doubled: troff's escape character. "\&" before a line keeps a leading '.' or ''' text. */
    private static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }
}
