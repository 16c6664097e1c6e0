package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GET /api/deadlines (API.md): the unanswered requests as of a day, soonest due first. {@code total} is the number of
 * lines the filters match (every page together), {@code counts} the lines per state over the whole scope (agency and
 * 承办人, whatever the state filter), every state present; {@code page}/{@code size} are null when every line is
 * answered at once.
 */
public record DeadlineBoard(LocalDate asOf, List<BoardItem> items, long total, Map<BoardState, Long> counts,
                            Integer page, Integer size) {

    public DeadlineBoard(LocalDate asOf, List<BoardItem> items) {
        this(asOf, items, items.size(), countsOf(items), null, null);
    }

    /** Every state with its count, in the order of SPEC §3 (zero where none). */
    static Map<BoardState, Long> countsOf(List<BoardItem> items) {
        Map<BoardState, Long> counts = zeroCounts();
        for (BoardItem item : items) {
            counts.merge(item.state(), 1L, Long::sum);
        }
        return counts;
    }

    static Map<BoardState, Long> zeroCounts() {
        Map<BoardState, Long> counts = new EnumMap<>(BoardState.class);
        for (BoardState s : BoardState.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    /**
     * One request's line: its state on the board, due dates and working days left; whether a consultation is open
     * past its reply limit (征求意见已超期), the 承办人, and the rule set its deadlines follow ("2007" or "2019");
     * {@code correctionNoticeOn} when the 补正 notice was sent (null before), {@code correctionApplicantDueOn} the
     * applicant's 补正期限 while the request waits for the 补正 (after it, 逾期不补正 may be answered), and
     * {@code calendarYearMissing} the year whose holiday notice a CALENDAR_NOT_LOADED deadline waits for, and
     * {@code consultationReplyDueOn} the latest reply limit of the consultations still open (条例第三十二、三十四条).
     */
    public record BoardItem(UUID requestId, String trackingNo, String agencyCode, String applicantName, LocalDate receivedOn,
                       BoardState state, String stateLabel, LocalDate answerDueOn, Integer workingDaysLeft,
                       LocalDate correctionNoticeDueOn, boolean consultationOverdue, String assignee, String ruleSet,
                       LocalDate correctionNoticeOn, LocalDate correctionApplicantDueOn, Integer calendarYearMissing,
                       LocalDate consultationReplyDueOn) {
    }
}
