package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GET /api/deadlines (API.md): the unanswered requests as of a day, soonest due first. */
public record DeadlineBoard(LocalDate asOf, List<BoardItem> items) {

    /** One request's line: its state on the board, due dates and working days left. */
    public record BoardItem(UUID requestId, String trackingNo, String agencyCode, String applicantName, LocalDate receivedOn,
                       BoardState state, String stateLabel, LocalDate answerDueOn, Integer workingDaysLeft,
                       LocalDate correctionNoticeDueOn) {
    }
}
