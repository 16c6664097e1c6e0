package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.deadline.RequestTimeline;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything the read models know of one request, by its latest corrected data. Immutable: {@link #apply}
 * returns the state after an event, so every read model can compare before and after.
 */
public record RequestState(UUID requestId, long lastSequence, String trackingNo, String agencyCode, Channel channel,
                           Applicant applicant, String description, OutcomeCategory outcome, RequestTimeline timeline,
                           List<Integer> carriedFrom, List<CaseState> cases, Instant loggedAt) {

    public RequestState {
        carriedFrom = List.copyOf(new TreeSet<>(carriedFrom));
        cases = List.copyOf(cases);
    }

    public static RequestState received(RequestReceived e, long sequence, Instant loggedAt) {
        return new RequestState(e.requestId(), sequence, e.trackingNo(), e.agencyCode(), e.channel(), e.applicant(),
                e.description(), null, RequestTimeline.receivedOn(e.receivedOn()), List.of(), List.of(), loggedAt);
    }

    /** The state after the request's event number {@code sequence}: its first state, or the one after {@code before}. */
    public static RequestState next(RequestState before, RequestEvent event, long sequence, Instant recordedAt) {
        if (event instanceof RequestReceived received) {
            return received(received, sequence, recordedAt);
        }
        if (before == null) {
            throw new IllegalStateException("event " + sequence + " of request " + event.requestId() + " arrived before it was received");
        }
        return before.apply(event, sequence);
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

    /** The state after the request's event number {@code sequence}. */
    public RequestState apply(RequestEvent event, long sequence) {
        RequestTimeline t = timeline.apply(event);
        OutcomeCategory o = outcome;
        Applicant a = applicant;
        List<Integer> carried = carriedFrom;
        List<CaseState> c = cases;
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
            c = plus(cases, new CaseState(e.caseId(), CaseKind.RECONSIDERATION, e.filedOn(), null, null));
        } else if (event instanceof LawsuitFiled e) {
            CaseKind kind = e.afterReconsideration() ? CaseKind.LAWSUIT_AFTER_RECONSIDERATION : CaseKind.LAWSUIT_DIRECT;
            c = plus(cases, new CaseState(e.caseId(), kind, e.filedOn(), null, null));
        } else if (event instanceof ReconsiderationDecided e) {
            c = decide(e.caseId(), e.decidedOn(), e.result());
        } else if (event instanceof LawsuitDecided e) {
            c = decide(e.caseId(), e.decidedOn(), e.result());
        }
        return new RequestState(requestId, sequence, trackingNo, agencyCode, channel, a, description, o, t, carried, c,
                loggedAt);
    }

    private List<CaseState> decide(String caseId, LocalDate on, cn.opengov.tracker.api.request.CaseResult result) {
        return cases.stream().map(x -> x.caseId().equals(caseId) ? x.decided(on, result) : x).toList();
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
