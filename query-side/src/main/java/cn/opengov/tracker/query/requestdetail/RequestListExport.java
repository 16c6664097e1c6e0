package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.query.annualmatrix.export.CsvExport;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request list as supervisors send it upward: every request the search finds (its filters, not only the page
 * shown), as .xlsx or CSV, the applicant's ID number masked as in the list. Text is written as text: in the .xlsx a
 * cell never becomes a formula, and in the CSV a cell that a spreadsheet would read as one gets a leading {@code '}.
 */
@Component
public class RequestListExport {

    /** More than this many rows is not a list to send upward; the file says it was cut. */
    static final int MAX_ROWS = 20_000;
    private static final int PAGE = 200;

    private static final List<String> HEADERS = List.of("受理编号", "收件机关", "收到申请日期", "提交渠道", "申请人",
            "申请人类型", "证件号码", "申请内容", "办理状态", "答复期限", "答复日期", "办理结果", "承办人");

    private final RequestQueries queries;
    private final AgencyDirectory agencies;
    private final CalendarStore calendars;

    public RequestListExport(RequestQueries queries, AgencyDirectory agencies, CalendarStore calendars) {
        this.queries = queries;
        this.agencies = agencies;
        this.calendars = calendars;
    }

    /** The rows of the search, header first, as the exports write them. */
    public Table rows(String agencyCode, boolean includeSubAgencies, String status, String q, String assignee) {
        Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::code, Agency::name, (a, b) -> a));
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        boolean capped = false;
        WorkingDayCalendar calendar = calendars.current();
        for (int page = 0; rows.size() < MAX_ROWS; page++) {
            RequestQueries.StatePage p = queries.states(agencyCode, includeSubAgencies, status, q, assignee, page, PAGE, MAX_ROWS);
            total = p.total();
            capped = p.totalCapped();
            for (RequestState s : p.items()) {
                RequestListItem i = RequestListItem.of(s, calendar);
                rows.add(List.of(i.trackingNo(), names.getOrDefault(i.agencyCode(), i.agencyCode()), text(i.receivedOn()),
                        i.channel().label(), i.applicant().name(), i.applicant().typeLabel(), text(i.applicant().idNumber()),
                        i.description(), "OPEN".equals(i.status()) ? "办理中" : "已答复", text(i.answerDueOn()),
                        text(i.answeredOn()), i.outcome() == null ? "" : i.outcome().fullLabel(), text(s.handling().assignee())));
            }
            if (p.items().size() < PAGE) {
                break;
            }
        }
        return new Table(HEADERS, rows, capped || total > rows.size());
    }

    public byte[] xlsx(Table table) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("申请列表");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet.createRow(0), table.headers(), bold);
            int r = 1;
            for (List<String> row : table.rows()) {
                write(sheet.createRow(r++), row, null);
            }
            if (table.cut()) {
                sheet.createRow(r).createCell(0).setCellValue("（仅导出前" + MAX_ROWS + "件，请缩小查询范围）");
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {20, 18, 12, 10, 14, 14, 20, 40, 8, 12, 12, 30, 10};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.headers());
        table.rows().forEach(row -> line(out, row));
        if (table.cut()) {
            out.append(CsvExport.cell("（仅导出前" + MAX_ROWS + "件，请缩小查询范围）")).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(CsvExport::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static void write(Row row, List<String> cells, CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            // setCellValue(String) stores text: a name such as "=1+1" stays text in the workbook
            row.createCell(c).setCellValue(cells.get(c));
            if (style != null) {
                row.getCell(c).setCellStyle(style);
            }
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** The header, the rows, and whether there were more than {@link #MAX_ROWS}. */
    public record Table(List<String> headers, List<List<String>> rows, boolean cut) {
    }
}
