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
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GET /api/requests/{id} (API.md): the full applicant, every due date with how it was reached, where the request
 * stands on the board, the steps SPEC §2 allows next, and its history.
 */
public record RequestDetail(UUID requestId, String trackingNo, String agencyCode, String agencyName, LocalDate receivedOn,
                            Channel channel, String channelLabel, ApplicantDetail applicant, String description,
                            String status, OutcomeCategory outcome, String outcomeLabel, LocalDate answeredOn,
                            ClockPhase clockPhase, BoardState state, String stateLabel, Integer workingDaysLeft,
                            LocalDate answerDueOn, LocalDate correctionNoticeDueOn, DeadlineExplanations deadlines,
                            List<ConsultationItem> consultations, List<Integer> carriedFromYears, List<CaseItem> cases,
                            List<String> nextSteps, List<HistoryEntry> history) {

    static RequestDetail of(RequestState s, String agencyName, WorkingDayCalendar calendar, LocalDate today,
                            List<HistoryEntry> history) {
        RequestTimeline t = s.timeline();
        CorrectionNoticeDeadline correction = null;
        AnswerDeadline answer = null;
        FeeDeadline fee = null;
        String calendarProblem = null;
        BoardStatus board = null;
        LocalDate correctionDue = null;
        LocalDate answerDue = null;
        try {
            correctionDue = Deadlines.correctionNoticeDueOn(t.receivedOn(), calendar);
            correction = new CorrectionNoticeDeadline(correctionDue,
                    "收到申请之日（" + t.receivedOn() + "）后第7个工作日（条例第三十条）", t.correctionNoticeOn(),
                    Deadlines.isCorrectionNoticeLate(t, calendar));
            Optional<AnswerDue> due = Deadlines.answerDue(t, calendar);
            if (due.isPresent()) {
                answerDue = due.get().dueOn();
                answer = AnswerDeadline.of(due.get(), t);
            } else {
                answer = new AnswerDeadline(null, null, null, null, null, t.isAwaitingCorrection()
                        ? "等待申请人补正：答复期限自收到补正材料之日起重新计算" : "征求意见或收费期间中止计时：结束后才能确定答复期限");
            }
            fee = t.feePause().map(p -> new FeeDeadline(p.from(), Deadlines.feeDueOn(p.from(), calendar), p.to(),
                    "收费通知之日后第20个工作日（国办函〔2020〕109号）")).orElse(null);
            if (!t.isAnswered()) {
                board = BoardStatus.of(ClockPhase.of(t), answerDue, today, calendar);
            }
        } catch (CalendarNotLoadedException e) {
            calendarProblem = e.getMessage();
        }
        return new RequestDetail(s.requestId(), s.trackingNo(), s.agencyCode(), agencyName, s.receivedOn(), s.channel(),
                s.channel().label(), ApplicantDetail.of(s.applicant()), s.description(), RequestListItem.status(s),
                s.outcome(), s.outcome() == null ? null : s.outcome().fullLabel(), s.answeredOn(), ClockPhase.of(t),
                board == null ? null : board.state(), board == null ? null : board.state().label(),
                board == null ? null : board.workingDaysLeft(), answerDue, correctionDue,
                new DeadlineExplanations(correction, answer, fee, calendarProblem),
                t.pauses().stream().filter(p -> p.kind() == Pause.Kind.CONSULTATION)
                        .map(p -> new ConsultationItem(p.id(), p.from(), p.to())).toList(),
                s.carriedFrom(), s.cases().stream().map(CaseItem::of).toList(), NextSteps.of(s), history);
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

    /** 条例第三十条: the last day to send a 补正 notice, and whether it went late. */
    public record CorrectionNoticeDeadline(LocalDate dueOn, String explanation, LocalDate sentOn, boolean late) {
    }

    /**
     * The answer due date and how it was reached; while it cannot be known (a 补正 awaited, a consultation or fee
     * notice open) only why, with {@code dueOn} null and the counts left out.
     */
    public record AnswerDeadline(LocalDate dueOn,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate start,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer workingDays,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer extensionDays,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer pausedWorkingDays,
                                 String explanation) {

        static AnswerDeadline of(AnswerDue due, RequestTimeline t) {
            StringBuilder why = new StringBuilder();
            why.append(t.correctionReceivedOn() != null ? "自收到补正材料之日（" : "自收到申请之日（").append(due.start())
                    .append("）起算20个工作日（条例第三十三条）");
            if (due.extensionDays() > 0) {
                why.append("，延长").append(due.extensionDays()).append("个工作日");
            }
            if (due.pausedWorkingDays() > 0) {
                why.append("，征求意见、收费期间中止计时").append(due.pausedWorkingDays()).append("个工作日不计入");
            }
            why.append("，至").append(due.dueOn());
            return new AnswerDeadline(due.dueOn(), due.start(), due.workingDays(), due.extensionDays(),
                    due.pausedWorkingDays(), why.toString());
        }
    }

    /** 国办函〔2020〕109号: the applicant's last day to pay the fee. */
    public record FeeDeadline(LocalDate noticeOn, LocalDate dueOn, LocalDate paidOn, String explanation) {
    }

    /** A consultation: when it was sent, and ended (null while open). */
    public record ConsultationItem(String consultationId, LocalDate sentOn, LocalDate endedOn) {
    }

    /** A reconsideration or lawsuit about the request. */
    public record CaseItem(String caseId, CaseKind kind, String kindLabel, LocalDate filedOn, LocalDate decidedOn,
                           CaseResult result) {

        static CaseItem of(LegalCase c) {
            return new CaseItem(c.caseId(), c.kind(), c.kind().label(), c.filedOn(), c.decidedOn(), c.result());
        }
    }
}
