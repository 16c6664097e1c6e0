package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.LocalDate;
import java.util.UUID;

/** A request in a list (API.md), for every read that lists requests: the applicant's ID number masked. */
public record RequestListItem(UUID requestId, String trackingNo, String agencyCode, LocalDate receivedOn, Channel channel,
                              ListedApplicant applicant, String description, String status, OutcomeCategory outcome,
                              LocalDate answeredOn) {

    public static RequestListItem of(RequestState s) {
        return new RequestListItem(s.requestId(), s.trackingNo(), s.agencyCode(), s.receivedOn(), s.channel(),
                ListedApplicant.of(s.applicant()), s.description(), status(s), s.outcome(), s.answeredOn());
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
