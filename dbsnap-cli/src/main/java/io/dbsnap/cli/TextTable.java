package io.dbsnap.cli;

import java.util.ArrayList;
import java.util.List;

/** A table of text for the terminal: columns padded to their widest cell, separated by {@code |}, a rule under the header. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    void add(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size());
        }
        rows.add(List.of(cells));
    }

    String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        for (int i = 0; i < widths.length; i++) {
            text.append(i == 0 ? "" : "|").append("-".repeat(widths[i] + (i == 0 ? 1 : 2)));
        }
        text.append('\n');
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "" : " | ").append(cells.get(i));
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length()));
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
