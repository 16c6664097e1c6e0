package cn.opengov.tracker.command.document.render;

import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The filled .docx as XHTML for the PDF, so that both files carry the same content: every paragraph with its
 * alignment, indents (in twips or in characters, as Chinese Word writes them), spacing and line height, every
 * run with its size, weight, style and colour, tables cell by cell, the page size and margins of the section,
 * and the default header and footer as running elements. All text is set in the one embedded Chinese font.
 */
public final class DocxToXhtml {

    static final String FONT_FAMILY = "notice-cjk";
    private static final double DEFAULT_POINTS = 10.5;

    private DocxToXhtml() {
    }

    public static String convert(XWPFDocument doc, String title) {
        double base = defaultPoints(doc);
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(title)).append("</title><style>\n")
                .append(page(doc.getDocument().getBody().getSectPr()))
                .append("body{margin:0;font-family:'").append(FONT_FAMILY).append("';font-size:").append(num(base))
                .append("pt;line-height:1.3;word-wrap:break-word}\n")
                .append("p{margin:0;padding:0;min-height:1em}\n")
                .append("table{border-collapse:collapse;width:100%}td{border:0.5pt solid #000;padding:2pt 4pt;vertical-align:top}\n")
                .append(".running-header{position:running(header)}.running-footer{position:running(footer)}\n")
                .append("</style></head><body>");
        running(doc, html, base);
        for (IBodyElement element : doc.getBodyElements()) {
            element(doc, element, html, base);
        }
        html.append("</body></html>");
        return html.toString();
    }

    private static void element(XWPFDocument doc, IBodyElement element, StringBuilder html, double base) {
        if (element.getElementType() == BodyElementType.PARAGRAPH) {
            paragraph(doc, (XWPFParagraph) element, html, base);
        } else if (element.getElementType() == BodyElementType.TABLE) {
            table(doc, (XWPFTable) element, html, base);
        }
    }

    private static void running(XWPFDocument doc, StringBuilder html, double base) {
        XWPFHeader header = doc.getHeaderFooterPolicy() == null ? null : doc.getHeaderFooterPolicy().getDefaultHeader();
        XWPFFooter footer = doc.getHeaderFooterPolicy() == null ? null : doc.getHeaderFooterPolicy().getDefaultFooter();
        if (header != null && !header.getText().isBlank()) {
            html.append("<div class=\"running-header\">");
            header.getParagraphs().forEach(p -> paragraph(doc, p, html, base));
            html.append("</div>");
        }
        if (footer != null && !footer.getText().isBlank()) {
            html.append("<div class=\"running-footer\">");
            footer.getParagraphs().forEach(p -> paragraph(doc, p, html, base));
            html.append("</div>");
        }
    }

    private static String page(CTSectPr sect) {
        double width = 210;
        double height = 297;
        double top = 37;
        double right = 26;
        double bottom = 35;
        double left = 28;
        if (sect != null) {
            CTPageSz size = sect.getPgSz();
            if (size != null && size.getW() != null && size.getH() != null) {
                width = mm(size.getW());
                height = mm(size.getH());
            }
            CTPageMar mar = sect.getPgMar();
            if (mar != null) {
                top = mar.getTop() == null ? top : mm(mar.getTop());
                right = mar.getRight() == null ? right : mm(mar.getRight());
                bottom = mar.getBottom() == null ? bottom : mm(mar.getBottom());
                left = mar.getLeft() == null ? left : mm(mar.getLeft());
            }
        }
        return "@page{size:" + num(width) + "mm " + num(height) + "mm;margin:" + num(top) + "mm " + num(right) + "mm "
                + num(bottom) + "mm " + num(left) + "mm;@top-center{content:element(header)}@bottom-center{content:element(footer)}}\n";
    }

    private static void table(XWPFDocument doc, XWPFTable table, StringBuilder html, double base) {
        html.append("<table>");
        for (XWPFTableRow row : table.getRows()) {
            html.append("<tr>");
            for (XWPFTableCell cell : row.getTableCells()) {
                html.append("<td>");
                for (IBodyElement e : cell.getBodyElements()) {
                    element(doc, e, html, base);
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void paragraph(XWPFDocument doc, XWPFParagraph p, StringBuilder html, double base) {
        StringBuilder style = new StringBuilder();
        XWPFStyle named = p.getStyleID() == null || doc.getStyles() == null ? null : doc.getStyles().getStyle(p.getStyleID());
        CTPPrGeneral stylePPr = named == null ? null : named.getCTStyle().getPPr();
        CTRPr styleRPr = named == null ? null : named.getCTStyle().getRPr();
        double points = styleRPr != null && styleRPr.sizeOfSzArray() > 0
                ? ((BigInteger) styleRPr.getSzArray(0).getVal()).doubleValue() / 2 : base;
        ParagraphAlignment alignment = p.getCTP().getPPr() != null && p.getCTP().getPPr().getJc() != null ? p.getAlignment()
                : stylePPr != null && stylePPr.getJc() != null ? ParagraphAlignment.valueOf(stylePPr.getJc().getVal().intValue())
                : ParagraphAlignment.LEFT;
        style.append("text-align:").append(switch (alignment) {
            case CENTER -> "center";
            case RIGHT, END -> "right";
            case BOTH, DISTRIBUTE -> "justify";
            default -> "left";
        }).append(';');
        double runPoints = firstRunPoints(p, points);
        indents(p.getCTP().getPPr() != null && p.getCTP().getPPr().getInd() != null ? p.getCTP().getPPr().getInd()
                : stylePPr == null ? null : stylePPr.getInd(), runPoints, style);
        spacing(p.getCTP().getPPr() != null && p.getCTP().getPPr().getSpacing() != null ? p.getCTP().getPPr().getSpacing()
                : stylePPr == null ? null : stylePPr.getSpacing(), style);
        if (p.isPageBreak()) {
            style.append("page-break-before:always;");
        }
        style.append("font-size:").append(num(points)).append("pt;");
        html.append("<p style=\"").append(style).append("\">");
        boolean empty = true;
        for (XWPFRun run : p.getRuns()) {
            String text = run.text();
            if (text.isEmpty()) {
                continue;
            }
            empty = false;
            html.append("<span style=\"").append(runStyle(run)).append("\">");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\n' -> html.append("<br/>");
                    case '\t' -> html.append("\u3000\u3000");
                    case '\r' -> { }
                    default -> escape(c, html);
                }
            }
            html.append("</span>");
        }
        if (empty) {
            html.append("\u00a0");
        }
        html.append("</p>");
    }

    private static double firstRunPoints(XWPFParagraph p, double fallback) {
        for (XWPFRun run : p.getRuns()) {
            Double size = run.getFontSizeAsDouble();
            if (size != null && !run.text().isEmpty()) {
                return size;
            }
        }
        return fallback;
    }

    private static void indents(CTInd ind, double points, StringBuilder style) {
        if (ind == null) {
            return;
        }
        if (ind.isSetFirstLineChars()) {
            style.append("text-indent:").append(num(ind.getFirstLineChars().doubleValue() / 100 * points)).append("pt;");
        } else if (ind.isSetFirstLine()) {
            style.append("text-indent:").append(num(twips(ind.getFirstLine()) / 20)).append("pt;");
        } else if (ind.isSetHangingChars()) {
            style.append("text-indent:-").append(num(ind.getHangingChars().doubleValue() / 100 * points)).append("pt;");
        } else if (ind.isSetHanging()) {
            style.append("text-indent:-").append(num(twips(ind.getHanging()) / 20)).append("pt;");
        }
        if (ind.isSetLeftChars()) {
            style.append("margin-left:").append(num(ind.getLeftChars().doubleValue() / 100 * points)).append("pt;");
        } else if (ind.isSetLeft()) {
            style.append("margin-left:").append(num(twips(ind.getLeft()) / 20)).append("pt;");
        }
        if (ind.isSetRightChars()) {
            style.append("margin-right:").append(num(ind.getRightChars().doubleValue() / 100 * points)).append("pt;");
        } else if (ind.isSetRight()) {
            style.append("margin-right:").append(num(twips(ind.getRight()) / 20)).append("pt;");
        }
    }

    private static void spacing(CTSpacing spacing, StringBuilder style) {
        if (spacing == null) {
            return;
        }
        if (spacing.isSetBefore()) {
            style.append("margin-top:").append(num(twips(spacing.getBefore()) / 20)).append("pt;");
        }
        if (spacing.isSetAfter()) {
            style.append("margin-bottom:").append(num(twips(spacing.getAfter()) / 20)).append("pt;");
        }
        if (spacing.isSetLine()) {
            double line = twips(spacing.getLine());
            boolean auto = !spacing.isSetLineRule() || spacing.getLineRule() == STLineSpacingRule.AUTO;
            style.append("line-height:").append(auto ? num(line / 240 * 1.3) : num(line / 20) + "pt").append(';');
        }
    }

    private static String runStyle(XWPFRun run) {
        StringBuilder style = new StringBuilder();
        Double size = run.getFontSizeAsDouble();
        if (size != null) {
            style.append("font-size:").append(num(size)).append("pt;");
        }
        if (run.isBold()) {
            style.append("font-weight:bold;");
        }
        if (run.isItalic()) {
            style.append("font-style:italic;");
        }
        if (run.getUnderline() != null && run.getUnderline() != UnderlinePatterns.NONE) {
            style.append("text-decoration:underline;");
        }
        String color = run.getColor();
        if (color != null && color.matches("[0-9A-Fa-f]{6}")) {
            style.append("color:#").append(color).append(';');
        }
        return style.toString();
    }

    private static double defaultPoints(XWPFDocument doc) {
        try {
            if (doc.getStyles() != null && doc.getStyles().getDefaultRunStyle() != null) {
                int half = doc.getStyles().getDefaultRunStyle().getFontSize();
                if (half > 0) {
                    return half;
                }
            }
        } catch (RuntimeException unreadable) {
            // a template without document defaults: Word's own default applies
        }
        return DEFAULT_POINTS;
    }

    private static double twips(Object value) {
        if (value instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double mm(Object twips) {
        return twips(twips) / 1440 * 25.4;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            escape(s.charAt(i), out);
        }
        return out.toString();
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            default -> {
                if (c < 0x20 && c != '\n' && c != '\t') {
                    return;
                }
                out.append(c);
            }
        }
    }
}
