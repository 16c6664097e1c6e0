package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.request.command.ImportRequest;
import cn.opengov.tracker.api.request.command.LogRequest;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of a bulk import, decided as a clerk's steps would be, in the order a clerk records them: each step is
 * checked by its own policy against the state the earlier steps folded to, and gives the event its command handler
 * gives. Then the carry-overs the closed years call for (SPEC §4) — the net of what logging and answering one after
 * the other would record. A refused step is named by its spreadsheet column ({@link Refused}).
 */
public final class ImportPolicy {

    private ImportPolicy() {
    }

    public static List<RequestEvent> events(ImportRequest cmd, LocalDate today, WorkingDayCalendar calendar) {
        List<RequestEvent> events = new ArrayList<>();
        LogRequest log = cmd.receipt();
        step(ImportColumn.RECEIVED_ON, () -> ReceiptPolicy.check("receivedOn", log.receivedOn(), today));
        RequestReceived received = new RequestReceived(cmd.requestId(), log.trackingNo(), log.agencyCode(), log.receivedOn(),
                log.channel(), log.applicant(), log.description(), log.deliveryForm());
        events.add(received);
        RequestState state = RequestState.next(null, received);
        if (cmd.correctionNotice() != null) {
            var notice = cmd.correctionNotice();
            RequestState before = state;
            step(ImportColumn.CORRECTION_NOTICE_ON, () -> CorrectionPolicy.checkNotice(before, notice, today));
            state = add(events, state, new CorrectionRequested(cmd.requestId(), notice.noticeOn(), notice.items(), notice.applicantDueOn()));
        }
        if (cmd.correctionReceived() != null) {
            var correction = cmd.correctionReceived();
            RequestState before = state;
            step(ImportColumn.CORRECTION_RECEIVED_ON, () -> CorrectionPolicy.checkReceived(before, correction, today));
            state = add(events, state, new CorrectionReceived(cmd.requestId(), correction.receivedOn()));
        }
        if (cmd.extension() != null) {
            var extension = cmd.extension();
            RequestState before = state;
            step(ImportColumn.EXTENSION_APPROVED_ON, () -> ExtensionPolicy.check(before, extension, today, calendar));
            state = add(events, state, new DeadlineExtended(cmd.requestId(), extension.approvedOn(), extension.workingDays(),
                    extension.reason(), extension.approvedBy()));
        }
        if (cmd.answer() != null) {
            var answer = cmd.answer();
            RequestState before = state;
            step(ImportColumn.ANSWERED_ON, () -> OutcomePolicy.checkAnswer(before, answer, today, calendar));
            state = add(events, state, new RequestAnswered(cmd.requestId(), answer.answeredOn(), answer.outcome(), answer.note()));
        }
        for (int year : CarryOverPolicy.reconcile(state, cmd.closedThrough()).carry()) {
            state = add(events, state, new RequestCarriedOver(cmd.requestId(), year));
        }
        return events;
    }

    private static RequestState add(List<RequestEvent> events, RequestState state, RequestEvent event) {
        events.add(event);
        return RequestState.next(state, event);
    }

    /** Runs a step's check; its refusal names the column at fault (a field the policy names itself wins). */
    private static void step(ImportColumn column, Runnable check) {
        try {
            check.run();
        } catch (RuleViolation v) {
            throw new Refused(columnOf(v.field(), column), v);
        }
    }

    private static ImportColumn columnOf(String field, ImportColumn fallback) {
        if (field == null) {
            return fallback;
        }
        return switch (field) {
            case "applicantDueOn" -> ImportColumn.CORRECTION_DUE_ON;
            case "workingDays" -> ImportColumn.EXTENSION_DAYS;
            case "applicant.idNumber" -> ImportColumn.ID_NUMBER;
            default -> fallback;
        };
    }

    /** A row refused: the column at fault and the rule's refusal (its message is the one a clerk would read). */
    public static final class Refused extends RuntimeException {
        private final ImportColumn column;
        private final RuleViolation violation;

        public Refused(ImportColumn column, RuleViolation violation) {
            super(violation.getMessage(), null, false, false);
            this.column = column;
            this.violation = violation;
        }

        public ImportColumn column() {
            return column;
        }

        public RuleViolation violation() {
            return violation;
        }
    }
}
