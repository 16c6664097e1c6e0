package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.state.Consultation;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SPEC §2: the answer closes the request, so it is not dated before any step already recorded; and the date of
 * receipt opens it, so a corrected one is not dated after any.
 */
public final class StepOrder {

    private StepOrder() {
    }

    public static void answerNotBeforeLatestStep(RequestState state, LocalDate answeredOn) {
        DatedStep latest = datedSteps(state).stream().max(Comparator.comparing(DatedStep::date)).orElseThrow();
        if (answeredOn.isBefore(latest.date())) {
            throw new RuleViolation(Rule.ANSWER_BEFORE_STEP, answeredOn, latest.label(), latest.date());
        }
    }

    public static void receiptNotAfterEarliestStep(RequestState state, LocalDate receivedOn) {
        datedSteps(state).stream().skip(1).min(Comparator.comparing(DatedStep::date))
                .filter(earliest -> receivedOn.isAfter(earliest.date()))
                .ifPresent(earliest -> {
                    throw new RuleViolation(Rule.RECEIPT_AFTER_STEP, receivedOn, earliest.label(), earliest.date());
                });
    }

    /** Every dated step so far, the receipt first. */
    static List<DatedStep> datedSteps(RequestState state) {
        RequestTimeline timeline = state.timeline();
        List<DatedStep> steps = new ArrayList<>();
        steps.add(new DatedStep("收到申请日期", timeline.receivedOn()));
        add(steps, "补正通知日期", timeline.correctionNoticeOn());
        add(steps, "收到补正材料日期", timeline.correctionReceivedOn());
        add(steps, "延期批准日期", timeline.extensionApprovedOn());
        for (Pause p : timeline.pauses()) {
            String label = p.kind() == Pause.Kind.FEE ? "收费通知" : consultationLabel(state, p.id());
            add(steps, label + "日期", p.from());
            add(steps, label + (p.kind() == Pause.Kind.FEE ? "缴费日期" : "结束日期"), p.to());
        }
        for (LegalCase c : state.cases()) {
            add(steps, c.kind().label() + "立案日期", c.filedOn());
            add(steps, c.kind().label() + "审结日期", c.decidedOn());
        }
        add(steps, "答复日期", timeline.answeredOn());
        return steps;
    }

    private static String consultationLabel(RequestState state, String consultationId) {
        Consultation consultation = state.handling().consultation(consultationId);
        return consultation == null ? "征求意见" : consultation.kind().label();
    }

    private static void add(List<DatedStep> steps, String label, LocalDate date) {
        if (date != null) {
            steps.add(new DatedStep(label, date));
        }
    }
}
