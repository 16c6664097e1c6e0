package cn.opengov.tracker.query.annualmatrix.export;

import java.nio.charset.StandardCharsets;

/**
 * The tables as CSV, UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese labels right.
 * CSV cannot merge cells: a merged label stands in its first cell and the cells it covers stay empty.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static byte[] render(ReportDocument doc) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, doc.title());
        if (doc.note() != null) {
            line(out, doc.note());
        }
        line(out, OfficialLayout.SECTION_THREE);
        grid(out, doc.sectionThree());
        out.append("\r\n");
        line(out, OfficialLayout.SECTION_FOUR);
        grid(out, doc.sectionFour());
        if (doc.feeParagraph() != null) {
            out.append("\r\n");
            line(out, OfficialLayout.SECTION_SIX);
            line(out, doc.feeParagraph());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String text) {
        out.append(cell(text)).append("\r\n");
    }

    private static void grid(StringBuilder out, Grid grid) {
        for (Grid.Cell[] row : grid.rows()) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    out.append(',');
                }
                Grid.Cell cell = row[c];
                if (cell != null && !cell.isCovered()) {
                    out.append(cell(cell.text()));
                }
            }
            out.append("\r\n");
        }
    }

    /**
     * One cell as CSV writes it, safe to open in a spreadsheet: text that a spreadsheet would take for a formula
     * (starting with =, +, -, @, or a tab or carriage return that hides one) gets a leading {@code '}; a plain
     * number (such as -3 or 12.5) stays a number.
     */
    public static String cell(String s) {
        return quote(neutralise(s));
    }

    static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char first = s.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (formulaLike && !s.matches("[+-]?\\d+(\\.\\d+)?")) {
            return "'" + s;
        }
        return s;
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
