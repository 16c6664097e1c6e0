package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.command.ReceiveCorrection;
import cn.opengov.tracker.api.request.command.SendCorrectionNotice;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/** 条例第三十条, 补正: one notice that tells everything at once, then the corrected application, not before it. */
public final class CorrectionPolicy {

    private CorrectionPolicy() {
    }

    public static void checkNotice(RequestState state, SendCorrectionNotice cmd, LocalDate today) {
        RequestTimeline timeline = state.timeline();
        if (timeline.hasCorrectionNotice()) {
            throw new RuleViolation(Rule.CORRECTION_NOTICE_ALREADY_SENT, timeline.correctionNoticeOn());
        }
        Dating.step("noticeOn", "补正通知日期", cmd.noticeOn(), timeline.receivedOn(), today);
        if (cmd.applicantDueOn().isBefore(cmd.noticeOn())) {
            throw RuleViolation.ofField("applicantDueOn", Rule.CORRECTION_DUE_BEFORE_NOTICE, cmd.applicantDueOn(), cmd.noticeOn());
        }
    }

    public static void checkReceived(RequestState state, ReceiveCorrection cmd, LocalDate today) {
        RequestTimeline timeline = state.timeline();
        if (!timeline.hasCorrectionNotice()) {
            throw new RuleViolation(Rule.NO_CORRECTION_NOTICE);
        }
        if (timeline.correctionReceivedOn() != null) {
            throw new RuleViolation(Rule.CORRECTION_ALREADY_RECEIVED, timeline.correctionReceivedOn());
        }
        Dating.notInFuture("receivedOn", "收到补正材料日期", cmd.receivedOn(), today);
        if (cmd.receivedOn().isBefore(timeline.correctionNoticeOn())) {
            throw new RuleViolation(Rule.CORRECTION_BEFORE_NOTICE, cmd.receivedOn(), timeline.correctionNoticeOn());
        }
    }
}
