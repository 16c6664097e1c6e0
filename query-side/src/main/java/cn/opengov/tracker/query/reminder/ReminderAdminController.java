package cn.opengov.tracker.query.reminder;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/admin/reminders?day=&status=} (administrators): the reminders of a day, sent, waiting or failed. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class ReminderAdminController {

    private final ReminderLog reminderLog;

    public ReminderAdminController(ReminderLog reminderLog) {
        this.reminderLog = reminderLog;
    }

    @GetMapping("/api/admin/reminders")
    public ReminderLog.Day reminders(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                           @RequestParam(required = false) String status) {
        return reminderLog.of(day, status);
    }
}
