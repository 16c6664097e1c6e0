package cn.opengov.tracker.query.annualmatrix.export;

import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;

/** The tables as a self-contained printable page (no outside assets), merged cells as rowspan and colspan. */
public final class HtmlExport {

    private HtmlExport() {
    }

    public static byte[] render(ReportDocument doc) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(doc.title())).append("</title><style>")
                .append("body{font-family:'SimSun','Songti SC','Noto Serif CJK SC',serif;margin:2em;}")
                .append("table{border-collapse:collapse;margin-bottom:1.5em;font-size:12pt;}")
                .append("td,th{border:1px solid #000;padding:4px 6px;text-align:center;vertical-align:middle;}")
                .append("th{font-weight:normal;}td.n{min-width:3.5em;}h1{font-size:16pt;}h2{font-size:14pt;}")
                .append(".note{color:#a00;}@media print{body{margin:0;}}")
                .append("</style></head><body><h1>").append(escape(doc.title())).append("</h1>");
        if (doc.note() != null) {
            out.append("<p class=\"note\">").append(escape(doc.note())).append("</p>");
        }
        out.append("<h2>").append(OfficialLayout.SECTION_THREE).append("</h2>");
        table(out, doc.sectionThree());
        out.append("<h2>").append(OfficialLayout.SECTION_FOUR).append("</h2>");
        table(out, doc.sectionFour());
        if (doc.feeParagraph() != null) {
            out.append("<h2>").append(OfficialLayout.SECTION_SIX).append("</h2><p id=\"fees\">")
                    .append(escape(doc.feeParagraph())).append("</p>");
        }
        out.append("</body></html>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void table(StringBuilder out, Grid grid) {
        table(out, grid, cell -> null);
    }

    /** The table; {@code link} gives the address a count links to, or null for none. */
    public static void table(StringBuilder out, Grid grid, java.util.function.Function<Grid.Cell, String> link) {
        out.append("<table>");
        for (Grid.Cell[] row : grid.rows()) {
            out.append("<tr>");
            for (Grid.Cell cell : row) {
                if (cell == null || cell.isCovered()) {
                    continue;
                }
                String tag = cell.header() ? "th" : "td";
                out.append('<').append(tag);
                if (!cell.header()) {
                    out.append(" class=\"n\"");
                }
                if (cell.rowSpan() > 1) {
                    out.append(" rowspan=\"").append(cell.rowSpan()).append('"');
                }
                if (cell.colSpan() > 1) {
                    out.append(" colspan=\"").append(cell.colSpan()).append('"');
                }
                out.append('>');
                String href = cell.header() ? null : link.apply(cell);
                if (href != null) {
                    out.append("<a href=\"").append(escape(href)).append("\">").append(escape(cell.text())).append("</a>");
                } else {
                    out.append(escape(cell.text()));
                }
                out.append("</").append(tag).append('>');
            }
            out.append("</tr>");
        }
        out.append("</table>");
    }

    static String escape(String s) {
        return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
    }
}
