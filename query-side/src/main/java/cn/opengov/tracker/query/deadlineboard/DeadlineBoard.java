package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GET /api/deadlines (API.md): the unanswered requests as of a day, soonest due first. */
public record DeadlineBoard(LocalDate asOf, List<BoardItem> items) {

    /**
     * One request's line: its state on the board, due dates and working days left; whether a consultation is open
     * past its reply limit (征求意见已超期), the 承办人, and the rule set its deadlines follow ("2007" or "2019").
     */
    public record BoardItem(UUID requestId, String trackingNo, String agencyCode, String applicantName, LocalDate receivedOn,
                       BoardState state, String stateLabel, LocalDate answerDueOn, Integer workingDaysLeft,
                       LocalDate correctionNoticeDueOn, boolean consultationOverdue, String assignee, String ruleSet) {
    }
}
