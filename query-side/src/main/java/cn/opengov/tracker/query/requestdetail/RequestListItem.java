package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.LocalDate;
import java.util.UUID;

/** A request in a list (API.md), for every read that lists requests: the applicant's ID number masked; its 答复期限. */
public record RequestListItem(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel,
                              ListedApplicant applicant, String description, String status, OutcomeCategory outcome,
                              LocalDate answeredOn, LocalDate answerDueOn) {

    /**
     * @param calendar the calendar in force, for {@code answerDueOn}: the answer's due date (null while it cannot be
     *                 known: a 补正 awaited, the clock stopped, or the holiday calendar not yet reaching it)
     */
    public static RequestListItem of(RequestState s, WorkingDayCalendar calendar) {
        return new RequestListItem(s.requestId(), s.trackingNo(), s.agencyCode(), s.receivedOn(), s.channel(),
                ListedApplicant.of(s.applicant()), s.description(), status(s), s.outcome(), s.answeredOn(),
                Deadlines.answerDueOrNull(s.timeline(), calendar));
    }

    /** OPEN or ANSWERED. */
    static String status(RequestState s) {
        return s.isAnswered() ? "ANSWERED" : "OPEN";
    }

    /** The applicant in a list: no contacts, the ID number masked (first 4 and last 4). */
    public record ListedApplicant(ApplicantType type, String typeLabel, String name, String idNumber) {

        static ListedApplicant of(Applicant a) {
            return new ListedApplicant(a.type(), a.type().label(), a.name(), IdNumbers.mask(a.idNumber()));
        }
    }
}
