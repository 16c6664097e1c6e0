package cn.opengov.tracker.query.deadlineboard;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/deadlines/calendar-preview?year=&off=&work= (an addition to API.md): the deadlines of the user's agency
 * tree that loading this holiday notice ({@code off}: 放假, {@code work}: 调休上班) would move. A read: nothing is
 * stored; loading stays PUT /api/admin/calendar/{year} on the command side.
 */
@RestController
public class CalendarPreviewController {

    private final CalendarPreview preview;

    public CalendarPreviewController(CalendarPreview preview) {
        this.preview = preview;
    }

    @GetMapping("/api/deadlines/calendar-preview")
    public CalendarPreview.Preview preview(@RequestParam int year,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> off,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> work) {
        return preview.preview(year, off, work);
    }
}
