package cn.opengov.tracker.command.request;

import cn.opengov.tracker.command.lookup.RequestIndex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;

/** Which of an agency's years are closed, as a command that may touch one must see it (SPEC §4). */
@Component
public class ClosedYears {

    private final RequestIndex index;
    private final LegalCalendar calendar;
    private final JdbcTemplate jdbc;

    public ClosedYears(RequestIndex index, LegalCalendar calendar, JdbcTemplate jdbc) {
        this.index = index;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /**
     * The agency's last closed year, or null. A year close holds the agency row for update while it carries
     * requests over; a command with a date before this year shares that lock, so it either runs before the close
     * (and the close sees it) or after (and it sees the close). Call it in the command's transaction.
     */
    public Integer closedThrough(String agencyCode, LocalDate... dates) {
        int thisYear = calendar.today().getYear();
        if (Arrays.stream(dates).anyMatch(d -> d != null && d.getYear() < thisYear)) {
            jdbc.query("SELECT code FROM agency WHERE code = ? FOR SHARE", rs -> { }, agencyCode);
        }
        return index.closedThrough(agencyCode).orElse(null);
    }
}
