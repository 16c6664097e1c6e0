package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.document.DocumentIssued;
import cn.opengov.tracker.api.document.IssueDocument;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.fee.FeeProposal;
import cn.opengov.tracker.api.request.command.AnswerRequest;
import cn.opengov.tracker.api.request.command.AssignRequest;
import cn.opengov.tracker.api.request.command.DeferAnswer;
import cn.opengov.tracker.api.request.command.CarryOverRequest;
import cn.opengov.tracker.api.request.command.CorrectApplicantType;
import cn.opengov.tracker.api.request.command.CorrectReceiptDate;
import cn.opengov.tracker.api.request.command.DecideCase;
import cn.opengov.tracker.api.request.command.EndConsultation;
import cn.opengov.tracker.api.request.command.ExtendDeadline;
import cn.opengov.tracker.api.request.command.FileLawsuit;
import cn.opengov.tracker.api.request.command.FileReconsideration;
import cn.opengov.tracker.api.request.command.ImportRequest;
import cn.opengov.tracker.api.request.command.IssueFeeNotice;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.ReclassifyOutcome;
import cn.opengov.tracker.api.request.command.RecordFeePayment;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.command.StartConsultation;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
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
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.request.policy.AssignmentPolicy;
import cn.opengov.tracker.command.request.policy.CarryOverPolicy;
import cn.opengov.tracker.command.request.policy.CasePolicy;
import cn.opengov.tracker.command.request.policy.ConsultationPolicy;
import cn.opengov.tracker.command.request.policy.CorrectionPolicy;
import cn.opengov.tracker.command.request.policy.DeferralPolicy;
import cn.opengov.tracker.command.request.policy.ExtensionPolicy;
import cn.opengov.tracker.command.request.policy.FeePolicy;
import cn.opengov.tracker.command.request.policy.ImportPolicy;
import cn.opengov.tracker.command.request.policy.OutcomePolicy;
import cn.opengov.tracker.command.request.policy.ReceiptPolicy;
import cn.opengov.tracker.command.request.policy.RecordCorrectionPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One 政府信息公开申请 and every step the law gives it (SPEC §2). Command handlers ask the policy of the step's
 * rule family ({@code policy/}) and apply events; the one event sourcing handler folds each event into the
 * request's state ({@link RequestState}, the same fold every read model uses). A refused command raises
 * {@link RuleViolation} and records nothing.
 */
@Aggregate
public class InformationRequest {

    @AggregateIdentifier
    private UUID requestId;
    private RequestState state;

    protected InformationRequest() {
        // for Axon
    }

    @CommandHandler
    public InformationRequest(LogRequest cmd, LegalCalendar calendar) {
        ReceiptPolicy.check("receivedOn", cmd.receivedOn(), calendar.today());
        apply(new RequestReceived(cmd.requestId(), cmd.trackingNo(), cmd.agencyCode(), cmd.receivedOn(), cmd.channel(),
                cmd.applicant(), cmd.description(), cmd.deliveryForm()));
        // a late entry into closed years (state is not assigned until the constructor returns, so decide from the command)
        for (int year : CarryOverPolicy.yearsToCarryFrom(cmd.receivedOn(), null, cmd.closedThrough())) {
            apply(new RequestCarriedOver(cmd.requestId(), year));
        }
    }

    /** A past request from a bulk import: the events its steps would have recorded one by one ({@link ImportPolicy}). */
    @CommandHandler
    public InformationRequest(ImportRequest cmd, LegalCalendar calendar) {
        ImportPolicy.events(cmd, calendar.today(), calendar.workingDays()).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(SendCorrectionNotice cmd, LegalCalendar calendar) {
        requireUnanswered("发出补正通知");
        CorrectionPolicy.checkNotice(state, cmd, calendar.today());
        apply(new CorrectionRequested(requestId, cmd.noticeOn(), cmd.items(), cmd.applicantDueOn()));
    }

    @CommandHandler
    public void handle(ReceiveCorrection cmd, LegalCalendar calendar) {
        requireUnanswered("登记收到补正材料");
        CorrectionPolicy.checkReceived(state, cmd, calendar.today());
        apply(new CorrectionReceived(requestId, cmd.receivedOn()));
    }

    @CommandHandler
    public void handle(ExtendDeadline cmd, LegalCalendar calendar) {
        requireUnanswered("延长答复期限");
        ExtensionPolicy.check(state, cmd, calendar.today(), calendar.workingDays());
        apply(new DeadlineExtended(requestId, cmd.approvedOn(), cmd.workingDays(), cmd.reason(), cmd.approvedBy()));
    }

    @CommandHandler
    public void handle(StartConsultation cmd, LegalCalendar calendar) {
        requireUnanswered("征求意见");
        ConsultationPolicy.checkStart(state, cmd, calendar.today());
        apply(new ConsultationStarted(requestId, cmd.consultationId(), cmd.kind(), cmd.party(), cmd.sentOn(), cmd.deliveredOn()));
    }

    @CommandHandler
    public void handle(EndConsultation cmd, LegalCalendar calendar) {
        requireUnanswered("结束征求意见");
        ConsultationPolicy.checkEnd(state, cmd, calendar.today());
        apply(new ConsultationEnded(requestId, cmd.consultationId(), cmd.endedOn()));
    }

    @CommandHandler
    public void handle(IssueFeeNotice cmd, LegalCalendar calendar) {
        requireUnanswered("发出收费通知");
        FeeProposal proposal = FeePolicy.checkNotice(state, cmd, calendar.today(), calendar.workingDays());
        apply(new FeeNoticeIssued(requestId, cmd.noticeOn(), cmd.amountYuan(), cmd.deliveredOn(), cmd.basis(),
                proposal == null ? null : proposal.quantity(), proposal == null ? null : proposal.amountYuan(),
                proposal == null ? null : cmd.overrideReason()));
    }

    @CommandHandler
    public void handle(RecordFeePayment cmd, LegalCalendar calendar) {
        requireUnanswered("登记缴费");
        FeePolicy.checkPayment(state, cmd, calendar.today());
        apply(new FeePaid(requestId, cmd.paidOn()));
    }

    @CommandHandler
    public void handle(DeferAnswer cmd, LegalCalendar calendar) {
        requireUnanswered("延迟答复");
        DeferralPolicy.check(state, cmd, calendar.today(), calendar.workingDays());
        apply(new AnswerDeferred(requestId, cmd.decidedOn(), cmd.dueOn(), cmd.reason()));
    }

    @CommandHandler
    public void handle(AssignRequest cmd) {
        AssignmentPolicy.check(state, cmd);
        apply(new RequestAssigned(requestId, cmd.assignee(), state.handling().assignee()));
    }

    @CommandHandler
    public void handle(AnswerRequest cmd, LegalCalendar calendar) {
        requireUnanswered("答复");
        OutcomePolicy.checkAnswer(state, cmd, calendar.today(), calendar.workingDays());
        apply(new RequestAnswered(requestId, cmd.answeredOn(), cmd.outcome(), cmd.note()));
        reconcileCarryOvers(cmd.closedThrough(), "答复日期为" + cmd.answeredOn());
    }

    @CommandHandler
    public void handle(ReclassifyOutcome cmd, LegalCalendar calendar) {
        OutcomePolicy.checkReclassification(state, cmd, calendar.workingDays());
        apply(new OutcomeReclassified(requestId, state.outcome(), cmd.outcome(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CorrectApplicantType cmd) {
        RecordCorrectionPolicy.checkApplicantType(state, cmd);
        apply(new ApplicantTypeCorrected(requestId, state.applicantType(), cmd.type(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CorrectReceiptDate cmd, LegalCalendar calendar) {
        RecordCorrectionPolicy.checkReceiptDate(state, cmd, calendar.today());
        apply(new ReceiptDateCorrected(requestId, state.receivedOn(), cmd.receivedOn(), cmd.reason()));
        reconcileCarryOvers(cmd.closedThrough(), "收到申请日期更正为" + cmd.receivedOn());
    }

    @CommandHandler
    public void handle(FileReconsideration cmd, LegalCalendar calendar) {
        CasePolicy.checkFiling(state, cmd, calendar.today());
        apply(new ReconsiderationFiled(requestId, cmd.caseId(), cmd.filedOn()));
    }

    @CommandHandler
    public void handle(FileLawsuit cmd, LegalCalendar calendar) {
        CasePolicy.checkFiling(state, cmd, calendar.today());
        apply(new LawsuitFiled(requestId, cmd.caseId(), cmd.filedOn(), cmd.afterReconsideration()));
    }

    @CommandHandler
    public void handle(DecideCase cmd, LegalCalendar calendar) {
        LegalCase legalCase = CasePolicy.checkDecision(state, cmd, calendar.today());
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

    /** Makes the carry-overs agree with the dates (see {@link CarryOverPolicy#reconcile}). */
    private int reconcileCarryOvers(Integer closedThrough, String why) {
        CarryOverPolicy.Reconciliation changes = CarryOverPolicy.reconcile(state, closedThrough);
        for (int year : changes.revoke()) {
            apply(new CarryOverRevoked(requestId, year, why + "：" + year + "年12月31日时并非未办结"));
        }
        for (int year : changes.carry()) {
            apply(new RequestCarriedOver(requestId, year));
        }
        return changes.carry().size();
    }

    private void requireUnanswered(String action) {
        if (state.isAnswered()) {
            throw new RuleViolation(Rule.ALREADY_ANSWERED, state.answeredOn(), action);
        }
    }

    /** Every event, folded as {@link RequestState#next} says. */
    @EventSourcingHandler
    void on(RequestEvent e) {
        state = RequestState.next(state, e);
        requestId = state.requestId();
    }
}
