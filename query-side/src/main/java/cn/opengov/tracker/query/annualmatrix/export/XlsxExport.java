package cn.opengov.tracker.query.annualmatrix.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The tables as an .xlsx workbook, merged header cells as in the official form, ready to paste into the report. */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] render(ReportDocument doc) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("年度报表");
            Styles styles = new Styles(workbook);
            int row = 0;
            row = line(sheet, row, doc.title(), styles.title);
            if (doc.note() != null) {
                row = line(sheet, row, doc.note(), styles.plain);
            }
            row = line(sheet, row, OfficialLayout.SECTION_THREE, styles.title);
            row = grid(sheet, row, doc.sectionThree(), styles) + 1;
            row = line(sheet, row, OfficialLayout.SECTION_FOUR, styles.title);
            row = grid(sheet, row, doc.sectionFour(), styles) + 1;
            if (doc.feeParagraph() != null) {
                row = line(sheet, row, OfficialLayout.SECTION_SIX, styles.title);
                line(sheet, row, doc.feeParagraph(), styles.plain);
            }
            sheet.setColumnWidth(0, 18 * 256);
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(2, 30 * 256);
            for (int c = 3; c < 15; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(Sheet sheet, int row, String text, CellStyle style) {
        Row r = sheet.createRow(row);
        r.createCell(0).setCellValue(text);
        r.getCell(0).setCellStyle(style);
        return row + 1;
    }

    private static int grid(Sheet sheet, int top, Grid grid, Styles styles) {
        for (int r = 0; r < grid.height(); r++) {
            Row row = sheet.createRow(top + r);
            Grid.Cell[] cells = grid.rows().get(r);
            for (int c = 0; c < grid.columns(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                Grid.Cell g = cells[c];
                if (g == null || g.isCovered()) {
                    cell.setCellStyle(styles.header);
                    continue;
                }
                if (g.value() instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(styles.number);
                } else {
                    cell.setCellValue(g.text());
                    cell.setCellStyle(styles.header);
                }
                if (g.rowSpan() > 1 || g.colSpan() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(top + r, top + r + g.rowSpan() - 1, c, c + g.colSpan() - 1));
                }
            }
        }
        return top + grid.height();
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle number;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            plain = workbook.createCellStyle();
            header = bordered(workbook);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(workbook);
            number.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
