package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.AnswerDue;
import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.deadline.BoardStatus;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.deadline.RuleSet;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.Consultation;
import cn.opengov.tracker.api.request.state.Deferral;
import cn.opengov.tracker.api.request.state.FeeNotice;
import cn.opengov.tracker.api.request.state.Handling;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GET /api/requests/{id} (API.md): the full applicant, the rule set and every due date with how it was reached,
 * where the request stands on the board, the steps of SPEC §2b as recorded (extension and its approval,
 * consultations and their reply limits, the fee notice, a deferred answer, the 承办人), the steps SPEC §2 allows
 * next, and its history; the applicant's 补正期限 ({@code correctionApplicantDueOn}) and, while the 补正 is awaited,
 * the first day the request may be answered as 逾期不补正 ({@code noCorrectionAnswerFrom}, the day after it).
 */
public record RequestDetail(UUID requestId, String trackingNo, String agencyCode, String agencyName, LocalDate receivedOn,
                            Channel channel, String channelLabel, DeliveryForm deliveryForm, String deliveryFormLabel,
                            ApplicantDetail applicant, String description,
                            String status, OutcomeCategory outcome, String outcomeLabel, LocalDate answeredOn,
                            ClockPhase clockPhase, BoardState state, String stateLabel, Integer workingDaysLeft,
                            boolean consultationOverdue,
                            LocalDate answerDueOn, LocalDate correctionNoticeDueOn, String ruleSet, String ruleSetLabel,
                            String assignee, DeadlineExplanations deadlines,
                            List<ConsultationItem> consultations, ExtensionItem extension, FeeNoticeItem feeNotice,
                            DeferralItem deferral, List<Integer> carriedFromYears, List<CaseItem> cases,
                            List<String> nextSteps, List<HistoryEntry> history,
                            LocalDate correctionApplicantDueOn, LocalDate noCorrectionAnswerFrom) {

    static RequestDetail of(RequestState s, String agencyName, WorkingDayCalendar calendar, LocalDate today,
                            List<HistoryEntry> history) {
        RequestTimeline t = s.timeline();
        RuleSet rules = t.ruleSet();
        Handling h = s.handling();
        CorrectionNoticeDeadline correction = null;
        AnswerDeadline answer = null;
        FeeDeadline fee = null;
        String calendarProblem = null;
        BoardStatus board = null;
        ClockPhase phase = ClockPhase.of(t);
        LocalDate correctionDue = null;
        LocalDate answerDue = null;
        try {
            phase = ClockPhase.of(t, today, calendar);
            correctionDue = Deadlines.correctionNoticeDueOn(t.receivedOn(), calendar);
            correction = new CorrectionNoticeDeadline(correctionDue, correctionDue == null
                    ? "2007年条例未规定补正告知的期限（2019年修订后的条例第三十条为7个工作日）"
                    : "收到申请之日（" + t.receivedOn() + "）后第7个工作日（条例第三十条）", t.correctionNoticeOn(),
                    Deadlines.isCorrectionNoticeLate(t, calendar));
            Optional<AnswerDue> due = phase == ClockPhase.RUNNING || phase == ClockPhase.ANSWERED
                    ? Deadlines.answerDue(t, calendar) : Optional.empty();
            if (due.isPresent()) {
                answerDue = due.get().dueOn();
                answer = AnswerDeadline.of(due.get(), t);
            } else {
                answer = new AnswerDeadline(null, null, null, null, null, whyNotKnown(t, today, calendar));
            }
            fee = t.feePause().map(p -> new FeeDeadline(p.from(), Deadlines.feeDueOn(p, calendar), p.to(),
                    (p.deliveredOn() != null ? "申请人收到收费通知之日（" + p.deliveredOn() + "）" : "收费通知之日（" + p.from() + "）")
                            + "后第20个工作日（国办函〔2020〕109号第六条）", p.deliveredOn())).orElse(null);
            if (!t.isAnswered()) {
                board = BoardStatus.of(t, today, calendar);
            }
        } catch (CalendarNotLoadedException e) {
            calendarProblem = e.getMessage();
        }
        return new RequestDetail(s.requestId(), s.trackingNo(), s.agencyCode(), agencyName, s.receivedOn(), s.channel(),
                s.channel().label(), h.deliveryForm(), h.deliveryForm() == null ? null : h.deliveryForm().label(),
                ApplicantDetail.of(s.applicant()), s.description(), RequestListItem.status(s),
                s.outcome(), s.outcome() == null ? null : s.outcome().fullLabel(), s.answeredOn(), phase,
                board == null ? null : board.state(), board == null ? null : board.state().label(),
                board == null ? null : board.workingDaysLeft(), board != null && board.consultationOverdue(),
                answerDue, correctionDue, rules.code(), rules.title(), h.assignee(),
                new DeadlineExplanations(correction, answer, fee, calendarProblem),
                t.consultations().stream().map(p -> ConsultationItem.of(p, h.consultation(p.id()), rules, calendar, today))
                        .toList(),
                ExtensionItem.of(t, h), FeeNoticeItem.of(h.feeNotice()), DeferralItem.of(t, h.deferral()),
                s.carriedFrom(), s.cases().stream().map(CaseItem::of).toList(), NextSteps.of(s), history,
                t.correctionApplicantDueOn(),
                t.isAwaitingCorrection() && !t.isAnswered() && t.correctionApplicantDueOn() != null ? t.correctionApplicantDueOn().plusDays(1) : null);
    }

    /** Why the answer due date cannot be known today. */
    private static String whyNotKnown(RequestTimeline t, LocalDate today, WorkingDayCalendar calendar) {
        if (t.isAwaitingCorrection()) {
            return "等待申请人补正：答复期限自收到补正材料之日起重新计算";
        }
        if (t.feePause().filter(Pause::isOpen).isPresent()) {
            return "收费期间中止计时：申请人缴费后才能确定答复期限（国办函〔2020〕109号）";
        }
        RuleSet rules = t.ruleSet();
        LocalDate latest = t.consultations().stream().filter(p -> Deadlines.suspendsOn(p, rules, today, calendar))
                .map(p -> Deadlines.replyDueOn(p, rules, calendar)).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        if (latest == null) {
            return "征求第三方意见期间中止计时（2007年条例第二十四条第三款）：征求意见结束后才能确定答复期限";
        }
        return "征求意见期间中止计时（条例第三十三条第三款）：被征求意见方自收到征求意见书之日起15个工作日内提出意见"
                + "（条例第三十二条、第三十四条），至迟" + latest + "；征求意见结束或逾期未复后才能确定答复期限";
    }

    /** The applicant in full: the detail is seen by those who handle the request. */
    public record ApplicantDetail(ApplicantType type, String typeLabel, String name, String idNumber, String phone,
                                  String email, String address) {

        static ApplicantDetail of(Applicant a) {
            return new ApplicantDetail(a.type(), a.type().label(), a.name(), a.idNumber(), a.phone(), a.email(), a.address());
        }
    }

    /** Each due date with how it was reached; {@code calendarProblem} when the holiday calendar does not reach it. */
    public record DeadlineExplanations(CorrectionNoticeDeadline correctionNotice, AnswerDeadline answer, FeeDeadline fee,
                                       String calendarProblem) {
    }

    /** 条例第三十条: the last day to send a 补正 notice (none under the 2007 条例), and whether it went late. */
    public record CorrectionNoticeDeadline(LocalDate dueOn, String explanation, LocalDate sentOn, boolean late) {
    }

    /**
     * The answer due date and how it was reached, naming the rule set; while it cannot be known (a 补正 awaited, a
     * consultation or fee notice stopping the clock) only why, with {@code dueOn} null and the counts left out.
     */
    public record AnswerDeadline(LocalDate dueOn,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate start,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer workingDays,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer extensionDays,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer pausedWorkingDays,
                                 String explanation) {

        static AnswerDeadline of(AnswerDue due, RequestTimeline t) {
            RuleSet rules = due.ruleSet();
            StringBuilder why = new StringBuilder("适用").append(rules.title()).append("：");
            why.append(t.correctionReceivedOn() != null ? "自收到补正材料之日（" : "自收到申请之日（").append(due.start())
                    .append("）起算").append(rules.answerWorkingDays()).append("个工作日（").append(rules.answerArticle()).append("）");
            if (due.extensionDays() > 0) {
                why.append("，延长").append(due.extensionDays()).append("个工作日");
            }
            if (due.pausedWorkingDays() > 0) {
                why.append("，征求意见、收费期间中止计时").append(due.pausedWorkingDays()).append("个工作日不计入");
            }
            for (LocalDate limit : due.replyLimitsReached()) {
                why.append("，征求意见逾期未复，自").append(limit).append("次日起恢复计时（条例第三十二条、第三十四条）");
            }
            if (due.deferredTo() != null) {
                why.append("，依条例第三十五条延迟答复");
            }
            why.append("，至").append(due.dueOn());
            return new AnswerDeadline(due.dueOn(), due.start(), due.workingDays(), due.extensionDays(),
                    due.pausedWorkingDays(), why.toString());
        }
    }

    /** 国办函〔2020〕109号第六条: the applicant's last day to pay the fee, counted from receiving the notice. */
    public record FeeDeadline(LocalDate noticeOn, LocalDate dueOn, LocalDate paidOn, String explanation,
                              LocalDate deliveredOn) {
    }

    /**
     * A consultation: when it was sent, delivered and ended (null while open), whom it asked, the reply limit
     * (条例第三十二条、第三十四条; null under the 2007 条例), whether it stops the clock at all (under the 2007 条例 a
     * consultation of another agency does not), and whether it is open past its limit (征求意见已超期).
     */
    public record ConsultationItem(String consultationId, LocalDate sentOn, LocalDate endedOn, ConsultationKind kind,
                                   String kindLabel, String party, LocalDate deliveredOn, LocalDate replyDueOn,
                                   boolean stopsTheClock, boolean overdue) {

        static ConsultationItem of(Pause p, Consultation c, RuleSet rules, WorkingDayCalendar calendar, LocalDate today) {
            LocalDate reply = null;
            boolean overdue = false;
            try {
                reply = Deadlines.replyDueOn(p, rules, calendar);
                overdue = Deadlines.isReplyOverdue(p, rules, today, calendar);
            } catch (CalendarNotLoadedException e) {
                // shown under deadlines.calendarProblem
            }
            ConsultationKind kind = c != null ? c.kind() : p.consultationKind();
            return new ConsultationItem(p.id(), p.from(), p.to(), kind, kind == null ? null : kind.label(),
                    c == null ? null : c.party(), p.deliveredOn(), reply, Deadlines.stopsTheClock(p, rules), overdue);
        }
    }

    /**
     * The extension (条例第三十三条第二款): approved when, by how many working days, and by whom; {@code approvalMissing}
     * when no consent of the head of the disclosure office was recorded with it.
     */
    public record ExtensionItem(LocalDate approvedOn, int workingDays, String approvedBy, boolean approvalMissing) {

        static ExtensionItem of(RequestTimeline t, Handling h) {
            return t.extensionApprovedOn() == null ? null
                    : new ExtensionItem(t.extensionApprovedOn(), t.extensionDays(), h.extensionApprovedBy(),
                    h.extensionApprovedBy() == null);
        }
    }

    /** The fee notice (国办函〔2020〕109号): amount, basis, what the tiers proposed and why it was overridden. */
    public record FeeNoticeItem(BigDecimal amountYuan, LocalDate deliveredOn, FeeBasis basis, String basisLabel,
                                Integer quantity, BigDecimal proposedAmountYuan, String overrideReason) {

        static FeeNoticeItem of(FeeNotice f) {
            return f == null ? null : new FeeNoticeItem(f.amountYuan(), f.deliveredOn(), f.basis(),
                    f.basis() == null ? null : f.basis().label(), f.quantity(), f.proposedAmountYuan(), f.overrideReason());
        }
    }

    /** 延迟答复 (条例第三十五条): decided when, the answer now due on, and why. */
    public record DeferralItem(LocalDate decidedOn, LocalDate dueOn, String reason) {

        static DeferralItem of(RequestTimeline t, Deferral d) {
            return t.deferralDecidedOn() == null ? null
                    : new DeferralItem(t.deferralDecidedOn(), t.deferredDueOn(), d == null ? null : d.reason());
        }
    }

    /** A reconsideration or lawsuit about the request. */
    public record CaseItem(String caseId, CaseKind kind, String kindLabel, LocalDate filedOn, LocalDate decidedOn,
                           CaseResult result) {

        static CaseItem of(LegalCase c) {
            return new CaseItem(c.caseId(), c.kind(), c.kind().label(), c.filedOn(), c.decidedOn(), c.result());
        }
    }
}
