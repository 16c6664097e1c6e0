package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GET /api/deadlines (API.md): the unanswered requests as of a day, soonest due first. */
public record DeadlineBoard(LocalDate asOf, List<BoardItem> items) {

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
