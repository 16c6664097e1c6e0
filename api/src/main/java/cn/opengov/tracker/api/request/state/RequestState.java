package cn.opengov.tracker.api.request.state;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.CarryOverRevoked;
import cn.opengov.tracker.api.request.event.LawsuitDecided;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything recorded of one request, by its latest corrected data: the one fold of its events. The aggregate
 * checks its rules against it and every read model is written from it, so an event means the same everywhere.
 * Immutable: {@link #apply} returns the state after an event, and a read model can compare before and after.
 * How an event moves the answer clock is {@link RequestTimeline#apply}'s to say; what SPEC §2b records beyond
 * that is {@link Handling#apply}'s.
 */
public record RequestState(UUID requestId, String trackingNo, String agencyCode, Channel channel, Applicant applicant,
                           String description, OutcomeCategory outcome, RequestTimeline timeline,
                           List<Integer> carriedFrom, List<LegalCase> cases, Handling handling) {

    public RequestState {
        carriedFrom = List.copyOf(new TreeSet<>(carriedFrom));
        cases = List.copyOf(cases);
        handling = handling == null ? Handling.NONE : handling;
    }

    /** The first state of a request. */
    public static RequestState received(RequestReceived e) {
        return new RequestState(e.requestId(), e.trackingNo(), e.agencyCode(), e.channel(), e.applicant(),
                e.description(), null, RequestTimeline.receivedOn(e.receivedOn()), List.of(), List.of(),
                Handling.NONE.apply(e));
    }

    /** The state after an event: the first state, or the one after {@code before}. */
    public static RequestState next(RequestState before, RequestEvent event) {
        if (event instanceof RequestReceived received) {
            return received(received);
        }
        if (before == null) {
            throw new IllegalStateException("an event of request " + event.requestId() + " arrived before it was received");
        }
        return before.apply(event);
    }

    /** The state after an event of this request. */
    public RequestState apply(RequestEvent event) {
        if (event instanceof RequestReceived received) {
            return received(received);
        }
        OutcomeCategory o = outcome;
        Applicant a = applicant;
        List<Integer> carried = carriedFrom;
        List<LegalCase> c = cases;
        if (event instanceof RequestAnswered e) {
            o = e.outcome();
        } else if (event instanceof OutcomeReclassified e) {
            o = e.outcome();
        } else if (event instanceof ApplicantTypeCorrected e) {
            a = applicant.withType(e.type());
        } else if (event instanceof RequestCarriedOver e) {
            carried = plus(carriedFrom, e.fromYear());
        } else if (event instanceof CarryOverRevoked e) {
            carried = carriedFrom.stream().filter(y -> y != e.fromYear()).toList();
        } else if (event instanceof ReconsiderationFiled e) {
            c = plus(cases, new LegalCase(e.caseId(), CaseKind.RECONSIDERATION, e.filedOn(), null, null));
        } else if (event instanceof LawsuitFiled e) {
            CaseKind kind = e.afterReconsideration() ? CaseKind.LAWSUIT_AFTER_RECONSIDERATION : CaseKind.LAWSUIT_DIRECT;
            c = plus(cases, new LegalCase(e.caseId(), kind, e.filedOn(), null, null));
        } else if (event instanceof ReconsiderationDecided e) {
            c = decided(e.caseId(), e.decidedOn(), e.result());
        } else if (event instanceof LawsuitDecided e) {
            c = decided(e.caseId(), e.decidedOn(), e.result());
        }
        return new RequestState(requestId, trackingNo, agencyCode, channel, a, description, o, timeline.apply(event),
                carried, c, handling.apply(event));
    }

    public LocalDate receivedOn() {
        return timeline.receivedOn();
    }

    public LocalDate answeredOn() {
        return timeline.answeredOn();
    }

    public boolean isAnswered() {
        return timeline.isAnswered();
    }

    public ApplicantType applicantType() {
        return applicant.type();
    }

    /** The last year the request was carried from, if any. */
    public Optional<Integer> lastCarriedFrom() {
        return carriedFrom.isEmpty() ? Optional.empty() : Optional.of(carriedFrom.get(carriedFrom.size() - 1));
    }

    public Optional<LegalCase> legalCase(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst();
    }

    /** What the annual table counts of it. */
    public RequestFacts facts() {
        return new RequestFacts(agencyCode, applicantType(), receivedOn(), answeredOn(), outcome, new TreeSet<>(carriedFrom));
    }

    private List<LegalCase> decided(String caseId, LocalDate on, cn.opengov.tracker.api.request.CaseResult result) {
        return cases.stream().map(x -> x.caseId().equals(caseId) ? x.decided(on, result) : x).toList();
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
