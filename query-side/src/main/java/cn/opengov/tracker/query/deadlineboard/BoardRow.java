package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.LocalDate;
import java.util.UUID;

/** One unanswered request on the board, with what the board needs already computed. */
record BoardRow(UUID requestId, String agencyCode, String trackingNo, String applicantName, LocalDate receivedOn,
                ClockPhase phase, LocalDate answerDueOn, LocalDate correctionNoticeDueOn, LocalDate lastStepOn,
                RequestTimeline timeline) {

    static BoardRow of(RequestState s, WorkingDayCalendar calendar) {
        RequestTimeline t = s.timeline();
        return new BoardRow(s.requestId(), s.agencyCode(), s.trackingNo(), s.applicant().name(), t.receivedOn(),
                ClockPhase.of(t), Deadlines.answerDueOrNull(t, calendar), correctionNoticeDueOrNull(t, calendar),
                t.lastStepOn(), t);
    }

    static LocalDate correctionNoticeDueOrNull(RequestTimeline t, WorkingDayCalendar calendar) {
        try {
            return Deadlines.correctionNoticeDueOn(t.receivedOn(), calendar);
        } catch (CalendarNotLoadedException e) {
            return null;
        }
    }

    BoardRow recomputed(WorkingDayCalendar calendar) {
        return new BoardRow(requestId, agencyCode, trackingNo, applicantName, receivedOn, phase,
                Deadlines.answerDueOrNull(timeline, calendar), correctionNoticeDueOrNull(timeline, calendar), lastStepOn,
                timeline);
    }
}
