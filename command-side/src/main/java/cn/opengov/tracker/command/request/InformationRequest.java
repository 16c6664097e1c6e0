package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.document.DocumentIssued;
import cn.opengov.tracker.api.document.IssueDocument;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.CarryOverRequest;
import cn.opengov.tracker.api.request.command.CorrectApplicantType;
import cn.opengov.tracker.api.request.command.CorrectReceiptDate;
import cn.opengov.tracker.api.request.command.DecideCase;
import cn.opengov.tracker.api.request.command.EndConsultation;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.FileLawsuit;
import cn.opengov.tracker.api.request.command.FileReconsideration;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.ReclassifyOutcome;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.command.StartConsultation;
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
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.request.policy.CarryOverPolicy;
import cn.opengov.tracker.command.request.policy.Dating;
import cn.opengov.tracker.command.request.policy.ExtensionPolicy;
import cn.opengov.tracker.command.request.policy.OutcomePolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One 政府信息公开申请 and every step the law gives it (SPEC §2). Command handlers check the rules and apply
 * events; event sourcing handlers only assign state. A refused command raises {@link RuleViolation} and records
 * nothing.
 */
@Aggregate
public class InformationRequest {

    @AggregateIdentifier
    private UUID requestId;
    private ApplicantType applicantType;
    private RequestTimeline timeline;
    private OutcomeCategory outcome;
    private final Map<String, String> consultationLabels = new LinkedHashMap<>();
    private final Map<String, LegalCase> cases = new LinkedHashMap<>();
    private final SortedSet<Integer> carriedFrom = new TreeSet<>();

    protected InformationRequest() {
        // for Axon
    }

    @CommandHandler
    public InformationRequest(LogRequest cmd, LegalCalendar calendar) {
        Dating.notInFuture("receivedOn", "收到申请日期", cmd.receivedOn(), calendar.today());
        Dating.receiptSupported("receivedOn", cmd.receivedOn());
        apply(new RequestReceived(cmd.requestId(), cmd.trackingNo(), cmd.agencyCode(), cmd.receivedOn(), cmd.channel(),
                cmd.applicant(), cmd.description()));
        // a late entry into closed years (state is not assigned until the constructor returns, so decide from the command)
        for (int year : CarryOverPolicy.yearsToCarryFrom(cmd.receivedOn(), null, cmd.closedThrough())) {
            apply(new RequestCarriedOver(cmd.requestId(), year));
        }
    }

    @CommandHandler
    public void handle(SendCorrectionNotice cmd, LegalCalendar calendar) {
        requireUnanswered("发出补正通知");
        if (timeline.hasCorrectionNotice()) {
            throw new RuleViolation(Rule.CORRECTION_NOTICE_ALREADY_SENT, timeline.correctionNoticeOn());
        }
        Dating.step("noticeOn", "补正通知日期", cmd.noticeOn(), timeline.receivedOn(), calendar.today());
        if (cmd.applicantDueOn().isBefore(cmd.noticeOn())) {
            throw RuleViolation.ofField("applicantDueOn", Rule.CORRECTION_DUE_BEFORE_NOTICE, cmd.applicantDueOn(), cmd.noticeOn());
        }
        apply(new CorrectionRequested(requestId, cmd.noticeOn(), cmd.items(), cmd.applicantDueOn()));
    }

    @CommandHandler
    public void handle(ReceiveCorrection cmd, LegalCalendar calendar) {
        requireUnanswered("登记收到补正材料");
        if (!timeline.hasCorrectionNotice()) {
            throw new RuleViolation(Rule.NO_CORRECTION_NOTICE);
        }
        if (timeline.correctionReceivedOn() != null) {
            throw new RuleViolation(Rule.CORRECTION_ALREADY_RECEIVED, timeline.correctionReceivedOn());
        }
        Dating.notInFuture("receivedOn", "收到补正材料日期", cmd.receivedOn(), calendar.today());
        if (cmd.receivedOn().isBefore(timeline.correctionNoticeOn())) {
            throw new RuleViolation(Rule.CORRECTION_BEFORE_NOTICE, cmd.receivedOn(), timeline.correctionNoticeOn());
        }
        apply(new CorrectionReceived(requestId, cmd.receivedOn()));
    }

    @CommandHandler
    public void handle(ExtendDeadline cmd, LegalCalendar calendar) {
        requireUnanswered("延长答复期限");
        Dating.step("approvedOn", "延期批准日期", cmd.approvedOn(), timeline.receivedOn(), calendar.today());
        ExtensionPolicy.check(timeline, cmd.approvedOn(), cmd.workingDays(), calendar.workingDays());
        apply(new DeadlineExtended(requestId, cmd.approvedOn(), cmd.workingDays(), cmd.reason()));
    }

    @CommandHandler
    public void handle(StartConsultation cmd, LegalCalendar calendar) {
        requireUnanswered("征求意见");
        if (consultationLabels.containsKey(cmd.consultationId())) {
            throw new RuleViolation(Rule.CONSULTATION_ID_TAKEN, cmd.consultationId());
        }
        Dating.step("sentOn", "征求意见日期", cmd.sentOn(), timeline.receivedOn(), calendar.today());
        apply(new ConsultationStarted(requestId, cmd.consultationId(), cmd.kind(), cmd.party(), cmd.sentOn()));
    }

    @CommandHandler
    public void handle(EndConsultation cmd, LegalCalendar calendar) {
        requireUnanswered("结束征求意见");
        Pause consultation = pause(cmd.consultationId());
        if (consultation == null || consultation.kind() != Pause.Kind.CONSULTATION) {
            throw new RuleViolation(Rule.CONSULTATION_NOT_FOUND, cmd.consultationId());
        }
        if (!consultation.isOpen()) {
            throw new RuleViolation(Rule.CONSULTATION_ALREADY_ENDED, consultation.to());
        }
        Dating.notInFuture("endedOn", "征求意见结束日期", cmd.endedOn(), calendar.today());
        Dating.endNotBeforeStart("征求意见结束日期", cmd.endedOn(), "征求意见日期", consultation.from());
        apply(new ConsultationEnded(requestId, cmd.consultationId(), cmd.endedOn()));
    }

    @CommandHandler
    public void handle(IssueFeeNotice cmd, LegalCalendar calendar) {
        requireUnanswered("发出收费通知");
        if (timeline.feePause().isPresent()) {
            throw new RuleViolation(Rule.FEE_NOTICE_ALREADY_ISSUED, timeline.feePause().get().from());
        }
        if (cmd.amountYuan() == null || cmd.amountYuan().signum() <= 0) {
            throw RuleViolation.ofField("amountYuan", Rule.FEE_AMOUNT_NOT_POSITIVE);
        }
        Dating.step("noticeOn", "收费通知日期", cmd.noticeOn(), timeline.receivedOn(), calendar.today());
        apply(new FeeNoticeIssued(requestId, cmd.noticeOn(), cmd.amountYuan()));
    }

    @CommandHandler
    public void handle(RecordFeePayment cmd, LegalCalendar calendar) {
        requireUnanswered("登记缴费");
        Pause fee = timeline.feePause().orElseThrow(() -> new RuleViolation(Rule.NO_FEE_NOTICE));
        if (!fee.isOpen()) {
            throw new RuleViolation(Rule.FEE_ALREADY_PAID, fee.to());
        }
        Dating.notInFuture("paidOn", "缴费日期", cmd.paidOn(), calendar.today());
        Dating.endNotBeforeStart("缴费日期", cmd.paidOn(), "收费通知日期", fee.from());
        apply(new FeePaid(requestId, cmd.paidOn()));
    }

    @CommandHandler
    public void handle(AnswerRequest cmd, LegalCalendar calendar) {
        requireUnanswered("答复");
        Dating.notInFuture("answeredOn", "答复日期", cmd.answeredOn(), calendar.today());
        DatedStep latest = latestStep();
        if (cmd.answeredOn().isBefore(latest.date())) {
            throw new RuleViolation(Rule.ANSWER_BEFORE_STEP, cmd.answeredOn(), latest.label(), latest.date());
        }
        OutcomePolicy.check(cmd.outcome(), cmd.answeredOn(), timeline, calendar.workingDays());
        apply(new RequestAnswered(requestId, cmd.answeredOn(), cmd.outcome(), cmd.note()));
        reconcileCarryOvers(cmd.closedThrough(), "答复日期为" + cmd.answeredOn());
    }

    @CommandHandler
    public void handle(ReclassifyOutcome cmd, LegalCalendar calendar) {
        if (!timeline.isAnswered()) {
            throw new RuleViolation(Rule.NOT_ANSWERED, "更正办理结果");
        }
        if (cmd.outcome() == outcome) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "办理结果");
        }
        OutcomePolicy.check(cmd.outcome(), timeline.answeredOn(), timeline, calendar.workingDays());
        apply(new OutcomeReclassified(requestId, outcome, cmd.outcome(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CorrectApplicantType cmd) {
        if (cmd.type() == applicantType) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "申请人类型");
        }
        apply(new ApplicantTypeCorrected(requestId, applicantType, cmd.type(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CorrectReceiptDate cmd, LegalCalendar calendar) {
        if (cmd.receivedOn().equals(timeline.receivedOn())) {
            throw new RuleViolation(Rule.NOTHING_TO_CORRECT, "收到申请日期");
        }
        Dating.notInFuture("receivedOn", "收到申请日期", cmd.receivedOn(), calendar.today());
        Dating.receiptSupported("receivedOn", cmd.receivedOn());
        datedSteps().stream().skip(1).min(Comparator.comparing(DatedStep::date))
                .filter(earliest -> cmd.receivedOn().isAfter(earliest.date()))
                .ifPresent(earliest -> {
                    throw new RuleViolation(Rule.RECEIPT_AFTER_STEP, cmd.receivedOn(), earliest.label(), earliest.date());
                });
        apply(new ReceiptDateCorrected(requestId, timeline.receivedOn(), cmd.receivedOn(), cmd.reason()));
        reconcileCarryOvers(cmd.closedThrough(), "收到申请日期更正为" + cmd.receivedOn());
    }

    @CommandHandler
    public void handle(FileReconsideration cmd, LegalCalendar calendar) {
        requireNewCase(cmd.caseId());
        Dating.step("filedOn", "申请行政复议日期", cmd.filedOn(), timeline.receivedOn(), calendar.today());
        apply(new ReconsiderationFiled(requestId, cmd.caseId(), cmd.filedOn()));
    }

    @CommandHandler
    public void handle(FileLawsuit cmd, LegalCalendar calendar) {
        requireNewCase(cmd.caseId());
        Dating.step("filedOn", "提起行政诉讼日期", cmd.filedOn(), timeline.receivedOn(), calendar.today());
        if (cmd.afterReconsideration() && cases.values().stream().noneMatch(c -> c.kind() == CaseKind.RECONSIDERATION
                && c.isDecided() && !c.decidedOn().isAfter(cmd.filedOn()))) {
            throw new RuleViolation(Rule.LAWSUIT_NEEDS_DECIDED_RECONSIDERATION);
        }
        apply(new LawsuitFiled(requestId, cmd.caseId(), cmd.filedOn(), cmd.afterReconsideration()));
    }

    @CommandHandler
    public void handle(DecideCase cmd, LegalCalendar calendar) {
        LegalCase legalCase = cases.get(cmd.caseId());
        if (legalCase == null) {
            throw new RuleViolation(Rule.CASE_NOT_FOUND, cmd.caseId());
        }
        if (legalCase.isDecided()) {
            throw new RuleViolation(Rule.CASE_ALREADY_DECIDED, legalCase.decidedOn());
        }
        Dating.notInFuture("decidedOn", "审结日期", cmd.decidedOn(), calendar.today());
        Dating.endNotBeforeStart("审结日期", cmd.decidedOn(), "立案日期", legalCase.filedOn());
        if (legalCase.kind() == CaseKind.RECONSIDERATION) {
            apply(new ReconsiderationDecided(requestId, cmd.caseId(), cmd.decidedOn(), cmd.result()));
        } else {
            apply(new LawsuitDecided(requestId, cmd.caseId(), cmd.decidedOn(), cmd.result()));
        }
    }

    /**
     * A written notice issued (SPEC §2b). The issuer rendered it from this request's events up to the command's
     * target version, which Axon holds against the events since: a notice is never recorded over newer facts.
     */
    @CommandHandler
    public void handle(IssueDocument cmd) {
        apply(new DocumentIssued(requestId, cmd.documentId(), cmd.kind(), cmd.number(), cmd.sha256(), cmd.docxSha256(),
                cmd.datedOn(), cmd.subjectId(), cmd.supersedes()));
    }

    /** @return how many years the request was carried from now */
    @CommandHandler
    public int handle(CarryOverRequest cmd) {
        return reconcileCarryOvers(cmd.throughYear(), "年度结转");
    }

    /**
     * Makes the carry-overs agree with the dates: carried from every closed year on whose 31 December the request
     * was open, and from no other. A year it was already carried from counts as closed, even if the caller read
     * the closed years before that close committed.
     */
    private int reconcileCarryOvers(Integer closedThrough, String why) {
        Integer through = closedThrough;
        if (!carriedFrom.isEmpty() && (through == null || carriedFrom.last() > through)) {
            through = carriedFrom.last();
        }
        SortedSet<Integer> wanted = CarryOverPolicy.yearsToCarryFrom(timeline.receivedOn(), timeline.answeredOn(), through);
        int added = 0;
        for (int year : new ArrayList<>(carriedFrom)) {
            if (!wanted.contains(year)) {
                apply(new CarryOverRevoked(requestId, year, why + "：" + year + "年12月31日时并非未办结"));
            }
        }
        for (int year : wanted) {
            if (!carriedFrom.contains(year)) {
                apply(new RequestCarriedOver(requestId, year));
                added++;
            }
        }
        return added;
    }

    private void requireUnanswered(String action) {
        if (timeline.isAnswered()) {
            throw new RuleViolation(Rule.ALREADY_ANSWERED, timeline.answeredOn(), action);
        }
    }

    private void requireNewCase(String caseId) {
        if (cases.containsKey(caseId)) {
            throw new RuleViolation(Rule.CASE_ID_TAKEN, caseId);
        }
    }

    private Pause pause(String id) {
        return timeline.pauses().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** Every dated step so far, the receipt first. */
    private List<DatedStep> datedSteps() {
        List<DatedStep> steps = new ArrayList<>();
        steps.add(new DatedStep("收到申请日期", timeline.receivedOn()));
        addStep(steps, "补正通知日期", timeline.correctionNoticeOn());
        addStep(steps, "收到补正材料日期", timeline.correctionReceivedOn());
        addStep(steps, "延期批准日期", timeline.extensionApprovedOn());
        for (Pause p : timeline.pauses()) {
            String label = p.kind() == Pause.Kind.FEE ? "收费通知" : consultationLabels.getOrDefault(p.id(), "征求意见");
            addStep(steps, label + "日期", p.from());
            addStep(steps, label + (p.kind() == Pause.Kind.FEE ? "缴费日期" : "结束日期"), p.to());
        }
        for (LegalCase c : cases.values()) {
            addStep(steps, c.kind().label() + "立案日期", c.filedOn());
            addStep(steps, c.kind().label() + "审结日期", c.decidedOn());
        }
        addStep(steps, "答复日期", timeline.answeredOn());
        return steps;
    }

    private static void addStep(List<DatedStep> steps, String label, LocalDate date) {
        if (date != null) {
            steps.add(new DatedStep(label, date));
        }
    }

    private DatedStep latestStep() {
        return datedSteps().stream().max(Comparator.comparing(DatedStep::date)).orElseThrow();
    }

    @EventSourcingHandler
    void on(RequestReceived e) {
        requestId = e.requestId();
        applicantType = e.applicant().type();
        timeline = RequestTimeline.receivedOn(e.receivedOn());
    }

    /** Every step that moves the clock, as {@link RequestTimeline#apply} says. */
    @EventSourcingHandler
    void on(RequestEvent e) {
        timeline = timeline.apply(e);
    }

    @EventSourcingHandler
    void on(ConsultationStarted e) {
        consultationLabels.put(e.consultationId(), e.kind().label());
        timeline = timeline.apply(e);
    }

    @EventSourcingHandler
    void on(RequestAnswered e) {
        outcome = e.outcome();
        timeline = timeline.apply(e);
    }

    @EventSourcingHandler
    void on(OutcomeReclassified e) {
        outcome = e.outcome();
    }

    @EventSourcingHandler
    void on(ApplicantTypeCorrected e) {
        applicantType = e.type();
    }

    @EventSourcingHandler
    void on(RequestCarriedOver e) {
        carriedFrom.add(e.fromYear());
    }

    @EventSourcingHandler
    void on(CarryOverRevoked e) {
        carriedFrom.remove(e.fromYear());
    }

    @EventSourcingHandler
    void on(ReconsiderationFiled e) {
        cases.put(e.caseId(), new LegalCase(e.caseId(), CaseKind.RECONSIDERATION, e.filedOn(), null, null));
    }

    @EventSourcingHandler
    void on(LawsuitFiled e) {
        CaseKind kind = e.afterReconsideration() ? CaseKind.LAWSUIT_AFTER_RECONSIDERATION : CaseKind.LAWSUIT_DIRECT;
        cases.put(e.caseId(), new LegalCase(e.caseId(), kind, e.filedOn(), null, null));
    }

    @EventSourcingHandler
    void on(ReconsiderationDecided e) {
        cases.computeIfPresent(e.caseId(), (id, c) -> c.decided(e.decidedOn(), e.result()));
    }

    @EventSourcingHandler
    void on(LawsuitDecided e) {
        cases.computeIfPresent(e.caseId(), (id, c) -> c.decided(e.decidedOn(), e.result()));
    }
}
