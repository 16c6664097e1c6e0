package cn.opengov.tracker.platform.testing;

import cn.opengov.tracker.api.report.CarryOver;
import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.CarryOverRevoked;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.LawsuitDecided;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Random lifecycles of requests, as the aggregate would record them, each with what it must come to: the facts
 * the annual tables count and its cases. Received 2022–2024, most answered, some corrected, consulted, charged,
 * extended, reconsidered or taken to court; carried over from every year up to {@code closedThrough} on whose 31
 * December it was open, sometimes after a carry-over that a later answer revoked.
 */
public final class RandomLifecycles {

    private static final OutcomeCategory[] PLAIN = {OutcomeCategory.DISCLOSED, OutcomeCategory.PARTIALLY_DISCLOSED,
            OutcomeCategory.UNABLE_NOT_HELD, OutcomeCategory.WITHHELD_PROCESS_INFO, OutcomeCategory.NOT_PROCESSED_DUPLICATE,
            OutcomeCategory.OTHER};

    private final Random random;

    public RandomLifecycles(long seed) {
        this.random = new Random(seed);
    }

    /** One request's events and what they come to. */
    public record Lifecycle(UUID requestId, List<RequestEvent> events, RequestFacts facts, List<CaseFacts> cases,
                            DeliveryForm deliveryForm, String assignee, String extensionApprovedBy) {
    }

    public Lifecycle next(List<String> agencies, Integer closedThrough) {
        UUID id = UUID.randomUUID(); // unique in a database the tests share; the rest follows the seed
        List<RequestEvent> events = new ArrayList<>();
        String agency = agencies.get(random.nextInt(agencies.size()));
        ApplicantType type = pick(ApplicantType.values());
        LocalDate receivedOn = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(3 * 365));
        DeliveryForm form = random.nextInt(3) == 0 ? pick(DeliveryForm.values()) : null;
        events.add(new RequestReceived(id, agency + "-" + receivedOn.getYear() + "-" + id.toString().substring(0, 8), agency,
                receivedOn, pick(Channel.values()), new Applicant(type, "申请人" + id.toString().substring(0, 4), null, null, null, null),
                "申请公开某事项", form));
        if (random.nextInt(10) == 0) {
            LocalDate corrected = receivedOn.plusDays(random.nextInt(41) - 20);
            if (!corrected.equals(receivedOn)) {
                events.add(new ReceiptDateCorrected(id, receivedOn, corrected, "登记错误"));
                receivedOn = corrected;
            }
        }
        if (random.nextInt(5) == 0) {
            ApplicantType corrected = pick(ApplicantType.values());
            if (corrected != type) {
                events.add(new ApplicantTypeCorrected(id, type, corrected, "更正"));
                type = corrected;
            }
        }
        String assignee = null;
        if (random.nextInt(5) == 0) {
            assignee = "staff" + random.nextInt(3);
            events.add(new RequestAssigned(id, assignee, null));
        }
        LocalDate day = receivedOn;
        if (random.nextInt(4) == 0) {
            day = day.plusDays(1 + random.nextInt(5));
            events.add(new CorrectionRequested(id, day, "请补正", day.plusDays(15)));
            if (random.nextInt(3) > 0) {
                day = day.plusDays(1 + random.nextInt(20));
                events.add(new CorrectionReceived(id, day));
            }
        }
        String approvedBy = null;
        if (random.nextInt(6) == 0) {
            day = day.plusDays(random.nextInt(10));
            approvedBy = random.nextBoolean() ? "办公室主任王五" : null;
            events.add(new DeadlineExtended(id, day, 1 + random.nextInt(20), "需要调查", approvedBy));
        }
        if (random.nextInt(5) == 0) {
            day = day.plusDays(random.nextInt(10));
            events.add(new ConsultationStarted(id, "c-" + id, pick(ConsultationKind.values()), "被征求意见方", day,
                    random.nextBoolean() ? day.plusDays(2) : null));
            if (random.nextInt(4) > 0) {
                day = day.plusDays(random.nextInt(20));
                events.add(new ConsultationEnded(id, "c-" + id, day));
            }
        }
        if (random.nextInt(6) == 0) {
            day = day.plusDays(random.nextInt(10));
            events.add(new FeeNoticeIssued(id, day, new BigDecimal("100.00"), random.nextBoolean() ? day.plusDays(3) : null,
                    random.nextBoolean() ? pick(FeeBasis.values()) : null));
            if (random.nextInt(3) > 0) {
                day = day.plusDays(random.nextInt(20));
                events.add(new FeePaid(id, day));
            }
        }
        LocalDate answeredOn = null;
        OutcomeCategory outcome = null;
        if (random.nextInt(4) > 0) {
            answeredOn = day.plusDays(random.nextInt(60));
            outcome = pick(PLAIN);
            boolean revokeLater = closedThrough != null && answeredOn.getYear() <= closedThrough
                    && receivedOn.getYear() <= answeredOn.getYear() && random.nextInt(3) == 0;
            if (revokeLater) {
                // carried at a close before the answer was logged, dated into the year it was carried from
                events.add(new RequestCarriedOver(id, answeredOn.getYear()));
            }
            events.add(new RequestAnswered(id, answeredOn, outcome, null));
            if (revokeLater) {
                events.add(new CarryOverRevoked(id, answeredOn.getYear(), "答复日期在该年度内"));
            }
            if (random.nextInt(6) == 0) {
                OutcomeCategory other = pick(PLAIN);
                if (other != outcome) {
                    events.add(new OutcomeReclassified(id, outcome, other, "更正"));
                    outcome = other;
                }
            }
        }
        SortedSet<Integer> carried = closedThrough == null ? new java.util.TreeSet<>()
                : CarryOver.yearsOpenAtEnd(receivedOn, answeredOn, closedThrough);
        for (int year : carried) {
            events.add(new RequestCarriedOver(id, year));
        }
        List<CaseFacts> cases = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            LocalDate filed = (answeredOn == null ? day : answeredOn).plusDays(1 + random.nextInt(60));
            events.add(new ReconsiderationFiled(id, "k-" + id, filed));
            LocalDate decided = null;
            CaseResult result = null;
            if (random.nextInt(3) > 0) {
                decided = filed.plusDays(random.nextInt(120));
                result = pick(CaseResult.values());
                events.add(new ReconsiderationDecided(id, "k-" + id, decided, result));
            }
            cases.add(new CaseFacts(agency, CaseKind.RECONSIDERATION, filed, decided, result));
            if (decided != null && random.nextBoolean()) {
                LocalDate sued = decided.plusDays(random.nextInt(30));
                events.add(new LawsuitFiled(id, "s-" + id, sued, true));
                LocalDate judged = null;
                CaseResult verdict = null;
                if (random.nextBoolean()) {
                    judged = sued.plusDays(random.nextInt(200));
                    verdict = pick(CaseResult.values());
                    events.add(new LawsuitDecided(id, "s-" + id, judged, verdict));
                }
                cases.add(new CaseFacts(agency, CaseKind.LAWSUIT_AFTER_RECONSIDERATION, sued, judged, verdict));
            }
        } else if (random.nextInt(12) == 0) {
            LocalDate sued = (answeredOn == null ? day : answeredOn).plusDays(1 + random.nextInt(90));
            events.add(new LawsuitFiled(id, "d-" + id, sued, false));
            cases.add(new CaseFacts(agency, CaseKind.LAWSUIT_DIRECT, sued, null, null));
        }
        RequestFacts facts = new RequestFacts(agency, type, receivedOn, answeredOn, outcome, Set.copyOf(carried));
        return new Lifecycle(id, List.copyOf(events), facts, List.copyOf(cases), form, assignee, approvedBy);
    }

    public List<Lifecycle> next(int count, List<String> agencies, Integer closedThrough) {
        List<Lifecycle> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next(agencies, closedThrough));
        }
        return out;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
