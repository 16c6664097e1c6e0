package cn.opengov.tracker.command.imports;

import cn.opengov.tracker.api.request.imports.ImportColumn;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A spreadsheet of past requests read into rows of text by column: the first sheet of an .xlsx, or a .csv in
 * UTF-8 (with or without BOM) or, as Excel saves it on a Chinese Windows, GB18030. The first non-empty row is the
 * header; rows are numbered as the spreadsheet shows them (the header of a sheet starting at the top is row 1).
 */
public record ImportSheet(Map<Integer, ImportColumn> columns, List<String> unknownHeaders, List<SheetRow> rows) {

    public static final int MAX_ROWS = 20_000;
    static final long MAX_XLSX_PART_BYTES = 64L * 1024 * 1024;

    /** One data row: its number in the spreadsheet and its cells' text (blank cells absent). */
    public record SheetRow(int number, Map<ImportColumn, String> cells) {
        public Optional<String> text(ImportColumn column) {
            return Optional.ofNullable(cells.get(column));
        }
    }

    /** The file cannot be read as a spreadsheet at all: the whole file is refused (400). */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static ImportSheet read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K')) {
            return fromRows(xlsx(bytes));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return fromRows(Csv.parse(text(bytes)));
        }
        throw new Unreadable("只能导入 .xlsx 或 .csv 文件（收到的是 " + fileName + "）");
    }

    private static ImportSheet fromRows(List<List<String>> raw) {
        int headerAt = 0;
        while (headerAt < raw.size() && raw.get(headerAt).stream().allMatch(String::isBlank)) {
            headerAt++;
        }
        if (headerAt == raw.size()) {
            throw new Unreadable("文件是空的：第一行应为列名（受理编号、收到日期……），请使用导入模板");
        }
        Map<Integer, ImportColumn> columns = new java.util.LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> header = raw.get(headerAt);
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.isBlank()) {
                continue;
            }
            Optional<ImportColumn> column = ImportColumn.ofHeader(cell);
            if (column.isPresent() && !columns.containsValue(column.get())) {
                columns.put(i, column.get());
            } else {
                unknown.add(cell.strip());
            }
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int r = headerAt + 1; r < raw.size(); r++) {
            List<String> cells = raw.get(r);
            Map<ImportColumn, String> byColumn = new EnumMap<>(ImportColumn.class);
            for (Map.Entry<Integer, ImportColumn> c : columns.entrySet()) {
                if (c.getKey() < cells.size() && !cells.get(c.getKey()).isBlank()) {
                    byColumn.put(c.getValue(), cells.get(c.getKey()).strip());
                }
            }
            if (!byColumn.isEmpty()) {
                rows.add(new SheetRow(r + 1, byColumn));
            }
            if (rows.size() > MAX_ROWS) {
                throw new Unreadable("一次最多导入 " + MAX_ROWS + " 行，请分成几个文件");
            }
        }
        return new ImportSheet(columns, unknown, rows);
    }

    /** Every row of the first sheet as text; dates as yyyy-MM-dd, numbers as shown. Row i is the sheet's row i+1. */
    private static List<List<String>> xlsx(byte[] bytes) {
        // a workbook is a zip: no part of one may unpack past 64 MiB (20,000 rows need a fraction of it), so that an
        // upload within the body limit cannot unpack into the heap; POI's own inflate-ratio check stays as it is
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_PART_BYTES);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(cellText(row.getCell(c), formatter));
                }
                rows.add(cells);
                if (rows.size() > MAX_ROWS + 10) {
                    throw new Unreadable("一次最多导入 " + MAX_ROWS + " 行，请分成几个文件");
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable("无法读取 .xlsx 文件：文件已损坏、过大（解压后超过 64 MiB），或不是 Excel 2007 及以后的工作簿");
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (type == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static String text(byte[] bytes) {
        try {
            return decode(bytes, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return decode(bytes, Charset.forName("GB18030"));
            } catch (CharacterCodingException neither) {
                throw new Unreadable("无法识别 .csv 文件的编码：请保存为 UTF-8 或 GBK 编码");
            }
        }
    }

    private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        String s = chars.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), rows by CRLF or LF. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    if (rows.size() > MAX_ROWS + 10) {
                        throw new Unreadable("一次最多导入 " + MAX_ROWS + " 行，请分成几个文件");
                    }
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
