package dev.mixlog.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
final class MarkdownTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = header;
    }

    MarkdownTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder out) {
        line(out, header);
        out.append('|');
        for (int i = 0; i < header.length; i++) {
            out.append(i == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (String[] row : rows) {
            line(out, row);
        }
        out.append('\n');
    }

    private static void line(StringBuilder out, String[] cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
