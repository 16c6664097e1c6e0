package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/**
 * SPEC §2: no step is dated after today or before the date of receipt, and a step that ends another is not
 * dated before it. Staff may log a step days late and out of order; that is allowed.
 */
public final class Dating {

    /** The earliest date of receipt the product computes deadlines for (the 2019 revision's calendar). */
    public static final LocalDate EARLIEST_RECEIPT = LocalDate.of(2019, 1, 1);

    private Dating() {
    }

    public static void notInFuture(String field, String label, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw RuleViolation.ofField(field, Rule.DATE_IN_FUTURE, label, date, today);
        }
    }

    public static void notBeforeReceipt(String label, LocalDate date, LocalDate receivedOn) {
        if (date.isBefore(receivedOn)) {
            throw new RuleViolation(Rule.STEP_BEFORE_RECEIPT, label, date, receivedOn);
        }
    }

    /** A dated step of an open request: not in the future, not before receipt. */
    public static void step(String field, String label, LocalDate date, LocalDate receivedOn, LocalDate today) {
        notInFuture(field, label, date, today);
        notBeforeReceipt(label, date, receivedOn);
    }

    public static void endNotBeforeStart(String endLabel, LocalDate end, String startLabel, LocalDate start) {
        if (end.isBefore(start)) {
            throw new RuleViolation(Rule.END_BEFORE_START, endLabel, end, startLabel, start);
        }
    }

    public static void receiptSupported(String field, LocalDate receivedOn) {
        if (receivedOn.isBefore(EARLIEST_RECEIPT)) {
            throw RuleViolation.ofField(field, Rule.RECEIVED_BEFORE_SUPPORTED_RANGE, receivedOn);
        }
    }
}
