package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.deadline.Pause;
import cn.opengov.tracker.api.request.command.EndConsultation;
import cn.opengov.tracker.api.request.command.StartConsultation;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/** 条例第三十二条、第三十四条, 征求意见: each consultation has its own id, and ends once, not before it started. */
public final class ConsultationPolicy {

    private ConsultationPolicy() {
    }

    public static void checkStart(RequestState state, StartConsultation cmd, LocalDate today) {
        if (state.handling().consultation(cmd.consultationId()) != null) {
            throw new RuleViolation(Rule.CONSULTATION_ID_TAKEN, cmd.consultationId());
        }
        Dating.step("sentOn", "征求意见日期", cmd.sentOn(), state.receivedOn(), today);
    }

    public static void checkEnd(RequestState state, EndConsultation cmd, LocalDate today) {
        Pause consultation = state.timeline().pauses().stream()
                .filter(p -> p.id().equals(cmd.consultationId()) && p.kind() == Pause.Kind.CONSULTATION)
                .findFirst().orElseThrow(() -> new RuleViolation(Rule.CONSULTATION_NOT_FOUND, cmd.consultationId()));
        if (!consultation.isOpen()) {
            throw new RuleViolation(Rule.CONSULTATION_ALREADY_ENDED, consultation.to());
        }
        Dating.notInFuture("endedOn", "征求意见结束日期", cmd.endedOn(), today);
        Dating.endNotBeforeStart("征求意见结束日期", cmd.endedOn(), "征求意见日期", consultation.from());
    }
}
