package cn.opengov.tracker.query.annualreport;

import cn.opengov.tracker.api.fee.FeeFigures;
import cn.opengov.tracker.query.annualmatrix.export.Grid;
import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The whole 政府信息公开工作年度报告 as a .docx, in the order and layout of the published reports (seeds): the
 * opening paragraph, 一 总体情况, 二 主动公开政府信息情况 (the 2021 format's four small tables), 三 and 四 from the read
 * models in the official layout ({@link OfficialLayout}, the same grids as the .xlsx and the page), 五, and 六 with
 * the fee figures (国办函〔2020〕109号) under the other items. Tables are real Word tables with merged cells.
 */
public final class AnnualReportDocx {

    private static final String FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    /** A4 less the reports' margins, in twentieths of a point. */
    private static final int TEXT_WIDTH_TWIPS = 8850;

    private AnnualReportDocx() {
    }

    /** What the report is made of: the text sections as saved, the two grids and the fee figures. */
    public record Content(String agencyName, int year, boolean provisional, ReportText text, Grid sectionThree,
                          Grid sectionFour, FeeFigures fees) {
    }

    public static byte[] render(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, c.agencyName() + c.year() + "年政府信息公开工作年度报告", "宋体", 22, true);
            if (c.provisional()) {
                XWPFParagraph draft = doc.createParagraph();
                draft.setAlignment(ParagraphAlignment.CENTER);
                run(draft, "（草稿：" + c.year() + "年度尚未结转，表中数据为临时数据）", FONT, 12, false);
            }
            text(doc, "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国"
                    + "政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）要求，现发布《" + c.agencyName() + c.year()
                    + "年政府信息公开工作年度报告》，本报告统计数据从" + c.year() + "年1月1日至" + c.year() + "年12月31日。");
            heading(doc, "一、总体情况");
            text(doc, c.text().overview());
            heading(doc, "二、主动公开政府信息情况");
            activeDisclosure(doc, c.text().activeDisclosure());
            heading(doc, OfficialLayout.SECTION_THREE);
            grid(doc, c.sectionThree(), 8);
            heading(doc, OfficialLayout.SECTION_FOUR);
            grid(doc, c.sectionFour(), 8);
            heading(doc, "五、存在的主要问题及改进情况");
            text(doc, c.text().problems());
            heading(doc, OfficialLayout.SECTION_SIX);
            text(doc, c.text().otherItems());
            XWPFParagraph fees = doc.createParagraph();
            fees.setFirstLineIndent(640);
            run(fees, "收取信息处理费情况。", FONT, 16, true);
            run(fees, c.fees().statement(c.year()), FONT, 16, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(p, text, HEADING_FONT, 16, false);
    }

    /** Each line of the saved text its own paragraph, indented as the reports are. */
    private static void text(XWPFDocument doc, String text) {
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            XWPFParagraph p = doc.createParagraph();
            p.setFirstLineIndent(640);
            run(p, line.strip(), FONT, 16, false);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    /** 二: the 2021 format's table of 第二十条第（一）、（五）、（六）、（八）项. */
    private static void activeDisclosure(XWPFDocument doc, ActiveDisclosure a) {
        Grid g = new Grid(4);
        int r = 0;
        g.header(r++, 0, "第二十条第（一）项", 1, 4);
        g.header(r, 0, "信息内容", 1, 1).header(r, 1, "本年制发件数", 1, 1).header(r, 2, "本年废止件数", 1, 1)
                .header(r++, 3, "现行有效件数", 1, 1);
        g.header(r, 0, "规章", 1, 1).value(r, 1, a.rulesIssued()).value(r, 2, a.rulesRepealed()).value(r++, 3, a.rulesInForce());
        g.header(r, 0, "行政规范性文件", 1, 1).value(r, 1, a.normativeIssued()).value(r, 2, a.normativeRepealed())
                .value(r++, 3, a.normativeInForce());
        g.header(r++, 0, "第二十条第（五）项", 1, 4);
        g.header(r, 0, "信息内容", 1, 1).header(r++, 1, "本年处理决定数量", 1, 3);
        g.header(r, 0, "行政许可", 1, 1).put(r++, 1, a.licensing(), 1, 3, false);
        g.header(r++, 0, "第二十条第（六）项", 1, 4);
        g.header(r, 0, "信息内容", 1, 1).header(r++, 1, "本年处理决定数量", 1, 3);
        g.header(r, 0, "行政处罚", 1, 1).put(r++, 1, a.punishment(), 1, 3, false);
        g.header(r, 0, "行政强制", 1, 1).put(r++, 1, a.enforcement(), 1, 3, false);
        g.header(r++, 0, "第二十条第（八）项", 1, 4);
        g.header(r, 0, "信息内容", 1, 1).header(r++, 1, "本年收费金额（单位：万元）", 1, 3);
        BigDecimal fees = a.feesWanYuan() == null ? BigDecimal.ZERO : a.feesWanYuan();
        g.header(r, 0, "行政事业性收费", 1, 1).put(r, 1, fees.stripTrailingZeros().toPlainString(), 1, 3, false);
        grid(doc, g, 10);
    }

    /** A grid as a Word table: a cell spanning columns gets gridSpan, one spanning rows vMerge. */
    static XWPFTable grid(XWPFDocument doc, Grid g, int fontSize) {
        XWPFTable table = doc.createTable(g.height(), 1);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth("100%");
        // the grid the spans count in: one column per grid column (A4's text width, label columns wider)
        CTTblGrid columns = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (columns.sizeOfGridColArray() > 0) {
            columns.removeGridCol(0);
        }
        for (int c = 0; c < g.columns(); c++) {
            columns.addNewGridCol().setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS / g.columns()));
        }
        for (int r = 0; r < g.height(); r++) {
            XWPFTableRow row = table.getRow(r);
            Grid.Cell[] cells = g.rows().get(r);
            int c = 0;
            int made = 0;
            while (c < g.columns()) {
                Grid.Cell cell = cells[c];
                if (cell != null && !cell.isCovered()) {
                    XWPFTableCell tc = made++ == 0 ? row.getCell(0) : row.addNewTableCell();
                    fill(tc, cell.text(), cell.header(), fontSize);
                    span(tc, cell.colSpan(), cell.rowSpan() > 1 ? STMerge.RESTART : null);
                    c += Math.max(1, cell.colSpan());
                    continue;
                }
                Grid.Cell origin = null;
                for (int up = r - 1; up >= 0 && origin == null; up--) {
                    Grid.Cell above = g.rows().get(up)[c];
                    if (above != null && !above.isCovered() && up + above.rowSpan() > r) {
                        origin = above;
                    }
                }
                XWPFTableCell tc = made++ == 0 ? row.getCell(0) : row.addNewTableCell();
                fill(tc, "", false, fontSize);
                span(tc, origin == null ? 1 : origin.colSpan(), origin == null ? null : STMerge.CONTINUE);
                c += origin == null ? 1 : Math.max(1, origin.colSpan());
            }
        }
        return table;
    }

    private static void fill(XWPFTableCell tc, String text, boolean header, int size) {
        XWPFParagraph p = tc.getParagraphs().isEmpty() ? tc.addParagraph() : tc.getParagraphs().get(0);
        p.setAlignment(header ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        if (!text.isEmpty()) {
            run(p, text, FONT, size, false);
        }
    }

    private static void span(XWPFTableCell tc, int columns, STMerge.Enum vertical) {
        CTTcPr pr = tc.getCTTc().isSetTcPr() ? tc.getCTTc().getTcPr() : tc.getCTTc().addNewTcPr();
        if (columns > 1) {
            pr.addNewGridSpan().setVal(BigInteger.valueOf(columns));
        }
        if (vertical != null) {
            pr.addNewVMerge().setVal(vertical);
        }
    }
}
