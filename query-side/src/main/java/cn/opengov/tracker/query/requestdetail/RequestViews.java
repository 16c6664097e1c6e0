package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.AnswerDue;
import cn.opengov.tracker.api.deadline.BoardStatus;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of API.md's request list items and request detail. */
final class RequestViews {

    private RequestViews() {
    }

    /** A list item: the ID number masked (first 4 and last 4). */
    static Map<String, Object> listItem(RequestState s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("requestId", s.requestId());
        item.put("trackingNo", s.trackingNo());
        item.put("agencyCode", s.agencyCode());
        item.put("receivedOn", s.receivedOn());
        item.put("channel", s.channel());
        item.put("applicant", applicant(s.applicant(), true));
        item.put("description", s.description());
        item.put("status", status(s));
        item.put("outcome", s.outcome());
        item.put("answeredOn", s.answeredOn());
        return item;
    }

    /** The detail: full applicant, every due date with how it was reached, the steps allowed next, history. */
    static Map<String, Object> detail(RequestState s, String agencyName, WorkingDayCalendar calendar, LocalDate today,
                                      List<Map<String, Object>> history) {
        RequestTimeline t = s.timeline();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("requestId", s.requestId());
        d.put("trackingNo", s.trackingNo());
        d.put("agencyCode", s.agencyCode());
        d.put("agencyName", agencyName);
        d.put("receivedOn", s.receivedOn());
        d.put("channel", s.channel());
        d.put("channelLabel", s.channel().label());
        d.put("applicant", applicant(s.applicant(), false));
        d.put("description", s.description());
        d.put("status", status(s));
        d.put("outcome", s.outcome());
        d.put("outcomeLabel", s.outcome() == null ? null : s.outcome().fullLabel());
        d.put("answeredOn", s.answeredOn());
        d.put("clockPhase", ClockPhase.of(t));

        Map<String, Object> deadlines = new LinkedHashMap<>();
        deadlines.put("correctionNotice", null);
        deadlines.put("answer", null);
        deadlines.put("fee", null);
        deadlines.put("calendarProblem", null);
        d.put("state", null);
        d.put("stateLabel", null);
        d.put("workingDaysLeft", null);
        LocalDate correctionDue = null;
        LocalDate answerDue = null;
        try {
            correctionDue = Deadlines.correctionNoticeDueOn(t.receivedOn(), calendar);
            Map<String, Object> correction = new LinkedHashMap<>();
            correction.put("dueOn", correctionDue);
            correction.put("explanation", "收到申请之日（" + t.receivedOn() + "）后第7个工作日（条例第三十条）");
            correction.put("sentOn", t.correctionNoticeOn());
            correction.put("late", Deadlines.isCorrectionNoticeLate(t, calendar));
            deadlines.put("correctionNotice", correction);
            Optional<AnswerDue> due = Deadlines.answerDue(t, calendar);
            if (due.isPresent()) {
                answerDue = due.get().dueOn();
                deadlines.put("answer", answerExplanation(due.get(), t));
            } else {
                Map<String, Object> unknown = new LinkedHashMap<>();
                unknown.put("dueOn", null);
                unknown.put("explanation", t.isAwaitingCorrection()
                        ? "等待申请人补正：答复期限自收到补正材料之日起重新计算" : "征求意见或收费期间中止计时：结束后才能确定答复期限");
                deadlines.put("answer", unknown);
            }
            t.feePause().ifPresent(fee -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("noticeOn", fee.from());
                f.put("dueOn", Deadlines.feeDueOn(fee.from(), calendar));
                f.put("paidOn", fee.to());
                f.put("explanation", "收费通知之日后第20个工作日（国办函〔2020〕109号）");
                deadlines.put("fee", f);
            });
            if (!t.isAnswered()) {
                BoardStatus board = BoardStatus.of(ClockPhase.of(t), answerDue, today, calendar);
                d.put("state", board.state());
                d.put("stateLabel", board.state().label());
                d.put("workingDaysLeft", board.workingDaysLeft());
            }
        } catch (CalendarNotLoadedException e) {
            deadlines.put("calendarProblem", e.getMessage());
        }
        d.put("answerDueOn", answerDue);
        d.put("correctionNoticeDueOn", correctionDue);
        d.put("deadlines", deadlines);
        d.put("consultations", consultations(t));
        d.put("carriedFromYears", s.carriedFrom());
        d.put("cases", cases(s.cases()));
        d.put("nextSteps", NextSteps.of(s));
        d.put("history", history);
        return d;
    }

    private static Map<String, Object> answerExplanation(AnswerDue due, RequestTimeline t) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("dueOn", due.dueOn());
        a.put("start", due.start());
        a.put("workingDays", due.workingDays());
        a.put("extensionDays", due.extensionDays());
        a.put("pausedWorkingDays", due.pausedWorkingDays());
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
        a.put("explanation", why.toString());
        return a;
    }

    private static List<Map<String, Object>> consultations(RequestTimeline t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Pause p : t.pauses()) {
            if (p.kind() == Pause.Kind.CONSULTATION) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("consultationId", p.id());
                c.put("sentOn", p.from());
                c.put("endedOn", p.to());
                out.add(c);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> cases(List<LegalCase> cases) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LegalCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseId", c.caseId());
            m.put("kind", c.kind());
            m.put("kindLabel", c.kind().label());
            m.put("filedOn", c.filedOn());
            m.put("decidedOn", c.decidedOn());
            m.put("result", c.result());
            out.add(m);
        }
        return out;
    }

    static String status(RequestState s) {
        return s.isAnswered() ? "ANSWERED" : "OPEN";
    }

    static Map<String, Object> applicant(Applicant a, boolean masked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        m.put("typeLabel", a.type().label());
        m.put("name", a.name());
        m.put("idNumber", masked ? IdNumbers.mask(a.idNumber()) : a.idNumber());
        if (!masked) {
            m.put("phone", a.phone());
            m.put("email", a.email());
            m.put("address", a.address());
        }
        return m;
    }
}
