package cn.opengov.tracker.query.imports;

import cn.opengov.tracker.api.request.imports.ImportColumn;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bulk import's template (issue 16): the columns of {@link ImportColumn} in order, one example row, and a second
 * sheet 填写说明 that says what each column takes. The .csv has the header and the example row, in UTF-8 with a BOM
 * so that Excel opens it with the Chinese intact.
 */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Sheet sheet = workbook.createSheet("申请登记");
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            ImportColumn[] columns = ImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].header());
                header.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(columns[i].example());
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, Math.max(12, columns[i].header().length() * 2 + 4) * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet help = workbook.createSheet("填写说明");
            Row h = help.createRow(0);
            String[] titles = {"列名", "是否必填", "说明"};
            for (int i = 0; i < titles.length; i++) {
                h.createCell(i).setCellValue(titles[i]);
                h.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < columns.length; i++) {
                Row r = help.createRow(i + 1);
                r.createCell(0).setCellValue(columns[i].header());
                r.createCell(1).setCellValue(columns[i].required() ? "必填" : "选填");
                r.createCell(2).setCellValue(columns[i].note());
            }
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(2, 90 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv() {
        String header = Stream.of(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.joining(","));
        String example = Stream.of(ImportColumn.values()).map(ImportColumn::example).collect(Collectors.joining(","));
        return ("\uFEFF" + header + "\r\n" + example + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
